// The registry of named validators a `pattern` rule may name in its `validator` key.
import { validateCalendarDate } from './calendar-date.js';
import { validateHealthNumber, validateMistypedHealthNumber } from './health-number.js';
import { validateNino, validateUnissuedNino } from './nino.js';
import { validateUkPhone } from './phone.js';
import { validatePostcode } from './postcode.js';
import type { Validator } from './validator.js';

export const VALIDATORS: Readonly<Record<string, { validate: Validator; placeholders: readonly string[]; description: string }>> = {
  'nhs-mod11': {
    validate: validateHealthNumber,
    placeholders: ['scheme'],
    description: 'Ten digits passing the NHS modulus-11 check (NHS, CHI and H&C numbers); repeated-digit dummies fail.',
  },
  'nhs-mod11-fails': {
    validate: validateMistypedHealthNumber,
    placeholders: ['scheme'],
    description: 'Ten digits that fail the NHS modulus-11 check, or nine or eleven digits: a mistyped health number.',
  },
  'uk-postcode': { validate: validatePostcode, placeholders: [], description: 'A full UK postcode obeying the Royal Mail letter rules.' },
  nino: { validate: validateNino, placeholders: [], description: 'A National Insurance number with a prefix HMRC could issue.' },
  'nino-unissued': { validate: validateUnissuedNino, placeholders: [], description: 'The shape of a National Insurance number with a prefix HMRC never issues (a typo or a specimen).' },
  'uk-phone': { validate: validateUkPhone, placeholders: ['phoneKind'], description: 'A UK mobile, geographic or non-geographic phone number.' },
  'calendar-date': { validate: validateCalendarDate, placeholders: [], description: 'A real day-month-year date.' },
};

export const VALIDATOR_NAMES = Object.keys(VALIDATORS);
