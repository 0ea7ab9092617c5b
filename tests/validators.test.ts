// The named validators: health numbers (modulus 11), postcodes, National Insurance numbers,
// phone numbers and calendar dates, with valid and invalid forms.
import { describe, expect, it } from 'vitest';
import { validateCalendarDate } from '../src/validators/calendar-date.js';
import { mod11CheckDigit, validateHealthNumber, validateMistypedHealthNumber } from '../src/validators/health-number.js';
import { validateNino } from '../src/validators/nino.js';
import { validateUkPhone } from '../src/validators/phone.js';
import { validatePostcode } from '../src/validators/postcode.js';

describe('health numbers (modulus 11)', () => {
  it('computes the check digit, and refuses first digits that give 10', () => {
    expect(mod11CheckDigit('999000002')).toBe(6);
    expect(mod11CheckDigit('401023213')).toBe(7);
    expect(mod11CheckDigit('999123456')).toBeUndefined();
  });

  it.each([
    ['999 000 0026', 'NHS number'],
    ['999-000-0018', 'NHS number'],
    ['9990000034', 'NHS number'],
    ['401 023 2137', 'NHS number'],
    ['010190 4568', 'Scottish CHI number'],
    ['310762 7895', 'Scottish CHI number'],
    ['320 123 4567', 'Northern Ireland H&C number'],
  ])('accepts %s as a %s', (text, scheme) => {
    expect(validateHealthNumber(text)).toEqual({ valid: true, data: { scheme } });
  });

  it.each(['999 000 0027', '0000000000', '1111111111', '999 000 002', '99900000266'])('refuses %s', (text) => {
    expect(validateHealthNumber(text).valid).toBe(false);
  });

  it('knows a mistyped number from a valid one', () => {
    expect(validateMistypedHealthNumber('999 000 0027').valid).toBe(true);
    expect(validateMistypedHealthNumber('999 000 0026').valid).toBe(false);
    expect(validateMistypedHealthNumber('2222222222').valid).toBe(false);
  });
});

describe('postcodes', () => {
  it.each(['LS6 2QT', 'B15 2TH', 'EC1A 1BB', 'W1A 0AX', 'M1 1AE', 'SW1A1AA', 'GIR 0AA'])('accepts %s', (text) => {
    expect(validatePostcode(text).valid).toBe(true);
  });
  it.each(['QA1 1AA', 'L1 1CA', 'VA1 1AA', 'ZZ99 3VZ', 'LS6', 'A1 AAA'])('refuses %s', (text) => {
    expect(validatePostcode(text).valid).toBe(false);
  });
});

describe('National Insurance numbers', () => {
  it.each(['JT 48 29 17 B', 'AB123456C', 'ab 12 34 56 d'])('accepts %s', (text) => {
    expect(validateNino(text).valid).toBe(true);
  });
  it.each(['DA123456A', 'AO123456A', 'GB123456A', 'AB123456E', 'AB12345C'])('refuses %s', (text) => {
    expect(validateNino(text).valid).toBe(false);
  });
});

describe('phone numbers', () => {
  it.each([
    ['07700 900123', 'mobile number'],
    ['+44 7700 900123', 'mobile number'],
    ['+44 (0)7700 900123', 'mobile number'],
    ['0113 496 0000', 'phone number'],
    ['020 7946 0000', 'phone number'],
    ['01632 960000', 'phone number'],
  ])('accepts %s as a %s', (text, phoneKind) => {
    expect(validateUkPhone(text)).toEqual({ valid: true, data: { phoneKind } });
  });
  it.each(['999', '111', '116 123', '0770090012', '12345678901', '06123 456789'])('refuses %s', (text) => {
    expect(validateUkPhone(text).valid).toBe(false);
  });
});

describe('calendar dates', () => {
  it.each(['12/03/1951', '3.3.51', '29/02/2024', '3rd March 1951', '3 of March 1951', 'March 3, 1951'])('accepts %s', (text) => {
    expect(validateCalendarDate(text).valid).toBe(true);
  });
  it.each(['31/02/1950', '13/13/13', '29/02/2023', '32 January 1950', 'sometime in 1951'])('refuses %s', (text) => {
    expect(validateCalendarDate(text).valid).toBe(false);
  });
});
