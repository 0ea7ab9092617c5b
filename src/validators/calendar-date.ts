// Validates a written date in UK order (day, month, year), numeric or with the month in words,
// so "31/02/1950" or "13/13/13" are not taken for someone's date of birth.
import type { ValidatorResult } from './validator.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Days of the month written as ordinal words ("the third of June"), in order. */
const ORDINAL_WORDS = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth',
  'twenty-first', 'twenty-second', 'twenty-third', 'twenty-fourth', 'twenty-fifth', 'twenty-sixth', 'twenty-seventh', 'twenty-eighth', 'twenty-ninth', 'thirtieth', 'thirty-first',
];

/** The same words, longest first, for a regex that must prefer "twenty-first" to "first". */
const ORDINAL_ALTERNATIVES = [...ORDINAL_WORDS].sort((a, b) => b.length - a.length).join('|');

/** Whether the day exists in that month of that year (29 February only in a leap year). */
export function isRealDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days;
}

/** `calendar-date`: the text holds a real day-month-year date (two- or four-digit year). */
export function validateCalendarDate(text: string): ValidatorResult {
  const lower = text.toLowerCase();
  const numeric = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})(?!\d)/.exec(lower);
  if (numeric !== null) {
    const [, day, month, year] = numeric as unknown as [string, string, string, string];
    const fullYear = year.length === 2 ? 1900 + Number(year) : Number(year);
    return { valid: isRealDate(Number(day), Number(month), fullYear) };
  }
  const written = new RegExp(`(\\d{1,2}|${ORDINAL_ALTERNATIVES})(?:st|nd|rd|th)?(?:\\s+of)?\\s+([a-z]{3})[a-z]*\\.?,?\\s+(\\d{4}|'?\\d{2})(?!\\d)`).exec(lower);
  if (written !== null) {
    const [, dayText, monthName, year] = written as unknown as [string, string, string, string];
    const day = /^\d/.test(dayText) ? Number(dayText) : ORDINAL_WORDS.indexOf(dayText) + 1;
    const month = MONTHS.indexOf(monthName) + 1;
    const digits = year.replace("'", '');
    const fullYear = digits.length === 2 ? 1900 + Number(digits) : Number(digits);
    return { valid: month > 0 && isRealDate(Number(day), month, fullYear) };
  }
  const monthFirst = /([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/.exec(lower);
  if (monthFirst !== null) {
    const [, monthName, day, year] = monthFirst as unknown as [string, string, string, string];
    const month = MONTHS.indexOf(monthName) + 1;
    return { valid: month > 0 && isRealDate(Number(day), month, Number(year)) };
  }
  return { valid: false };
}
