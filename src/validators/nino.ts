// Validates National Insurance numbers by HMRC's prefix rules (two letters, six digits, A–D).
import type { ValidatorResult } from './validator.js';

const NEVER_USED_PREFIXES = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/** The two prefix letters of a National Insurance number's shape (two letters, six digits, A–D), or undefined. */
function ninoPrefix(text: string): string | undefined {
  const shape = /^([A-Z]{2})\d{6}[A-D]$/.exec(text.replace(/[\s-]+/g, '').toUpperCase());
  return shape?.[1];
}

function isIssuablePrefix(prefix: string): boolean {
  const [first, second] = [...prefix] as [string, string];
  return !'DFIQUV'.includes(first) && !'DFIQUVO'.includes(second) && !NEVER_USED_PREFIXES.has(prefix);
}

/** `nino`: a National Insurance number HMRC could issue. */
export function validateNino(text: string): ValidatorResult {
  const prefix = ninoPrefix(text);
  return { valid: prefix !== undefined && isIssuablePrefix(prefix) };
}

/** `nino-unissued`: the shape of a National Insurance number with a prefix HMRC never issues (a typo, or a specimen such as QQ). */
export function validateUnissuedNino(text: string): ValidatorResult {
  const prefix = ninoPrefix(text);
  return { valid: prefix !== undefined && !isIssuablePrefix(prefix) };
}
