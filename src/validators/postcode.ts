// Validates UK postcodes with the Royal Mail letter rules (which letters may stand where), plus
// the special GIR 0AA; the NHS pseudo-postcodes (ZZ99 …) are not addresses and do not pass.
import type { ValidatorResult } from './validator.js';

const FIRST = '[ABCDEFGHIJKLMNOPRSTUWYZ]';
const SECOND = '[ABCDEFGHKLMNOPQRSTUVWXY]';
const THIRD = '[ABCDEFGHJKPSTUW]';
const FOURTH = '[ABEHMNPRVWXY]';
const INWARD = '[0-9][ABD-HJLNP-UW-Z]{2}';
const OUTWARD = [
  `${FIRST}[0-9]{1,2}`, // A9, A99
  `${FIRST}[0-9]${THIRD}`, // A9A
  `${FIRST}${SECOND}[0-9]{1,2}`, // AA9, AA99
  `${FIRST}${SECOND}[0-9]${FOURTH}`, // AA9A
].join('|');
const POSTCODE = new RegExp(`^(?:(?:${OUTWARD})${INWARD}|GIR0AA)$`);

/** `uk-postcode`: a full postcode that obeys the Royal Mail rules. */
export function validatePostcode(text: string): ValidatorResult {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  return { valid: POSTCODE.test(compact) };
}
