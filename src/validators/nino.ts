// Validates National Insurance numbers by HMRC's prefix rules (two letters, six digits, A–D).
import type { ValidatorResult } from './validator.js';

const NEVER_USED_PREFIXES = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/** `nino`: a National Insurance number HMRC could issue. */
export function validateNino(text: string): ValidatorResult {
  const compact = text.replace(/[\s-]+/g, '').toUpperCase();
  const shape = /^([A-Z])([A-Z])\d{6}[A-D]$/.exec(compact);
  if (shape === null) return { valid: false };
  const [, first, second] = shape as unknown as [string, string, string];
  if ('DFIQUV'.includes(first) || 'DFIQUVO'.includes(second)) return { valid: false };
  return { valid: !NEVER_USED_PREFIXES.has(first + second) };
}
