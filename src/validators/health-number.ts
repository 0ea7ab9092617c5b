// Validates NHS, CHI (Scotland) and H&C (Northern Ireland) numbers: ten digits whose last digit
// is a modulus-11 check digit. The leading digits only name the scheme; they never excuse a number.
import { isRealDate } from './calendar-date.js';
import type { ValidatorResult } from './validator.js';

/** The modulus-11 check digit for the first nine digits, or undefined when no number can have them. */
export function mod11CheckDigit(firstNine: string): number | undefined {
  let sum = 0;
  for (let index = 0; index < 9; index += 1) sum += Number(firstNine[index]) * (10 - index);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? undefined : check;
}

function isRepeatedDigit(digits: string): boolean {
  return /^(\d)\1*$/.test(digits);
}

/** True when the first six digits are a real DDMMYY date, as in a CHI number. */
function startsWithDate(digits: string): boolean {
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const year = Number(digits.slice(4, 6));
  // A two-digit year could be 19xx or 20xx: the date is real if it is in either century.
  return isRealDate(day, month, 1900 + year) || isRealDate(day, month, 2000 + year);
}

/** Which scheme a valid ten-digit number belongs to, judged by its leading digits. */
export function healthNumberScheme(digits: string): string {
  const lead = Number(digits.slice(0, 3));
  if (lead >= 320 && lead <= 399) return 'Northern Ireland H&C number';
  if (lead <= 311 && startsWithDate(digits)) return 'Scottish CHI number';
  return 'NHS number';
}

function tenDigits(text: string): string | undefined {
  const digits = text.replace(/\D/g, '');
  return digits.length === 10 ? digits : undefined;
}

/** `nhs-mod11`: ten digits that pass the check and are not a repeated-digit dummy. */
export function validateHealthNumber(text: string): ValidatorResult {
  const digits = tenDigits(text);
  if (digits === undefined || isRepeatedDigit(digits)) return { valid: false };
  if (mod11CheckDigit(digits.slice(0, 9)) !== Number(digits[9])) return { valid: false };
  return { valid: true, data: { scheme: healthNumberScheme(digits) } };
}

/** `nhs-mod11-fails`: ten digits that fail the check, or nine or eleven digits (a mistyped number is still a leak). */
export function validateMistypedHealthNumber(text: string): ValidatorResult {
  const digits = text.replace(/\D/g, '');
  if (isRepeatedDigit(digits)) return { valid: false };
  const mistyped: ValidatorResult = { valid: true, data: { scheme: 'NHS, CHI or H&C number' } };
  // A digit missing or one too many is a typo too; eleven digits starting 0 or 44 are a phone number.
  if (digits.length === 9) return mistyped;
  if (digits.length === 11) return /^(?:0|44)/.test(digits) ? { valid: false } : mistyped;
  if (digits.length !== 10 || mod11CheckDigit(digits.slice(0, 9)) === Number(digits[9])) return { valid: false };
  return mistyped;
}
