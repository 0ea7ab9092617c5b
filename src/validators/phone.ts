// Validates UK phone numbers by shape (Ofcom's drama ranges included, so fixtures count), and
// names the kind of number for the message. Short codes such as 999, 111 and 116 123 never pass.
import type { ValidatorResult } from './validator.js';

/** `uk-phone`: a mobile, geographic or non-geographic UK number, written nationally or with +44. */
export function validateUkPhone(text: string): ValidatorResult {
  let digits = text.replace(/\(0\)/g, '').replace(/\D/g, '');
  if (digits.startsWith('44')) digits = `0${digits.slice(2)}`;
  if (!digits.startsWith('0')) return { valid: false };
  if (/^07\d{9}$/.test(digits)) return { valid: true, data: { phoneKind: 'mobile number' } };
  if (/^0[12]\d{8,9}$/.test(digits)) return { valid: true, data: { phoneKind: 'phone number' } };
  if (/^0[3589]\d{8,9}$/.test(digits)) return { valid: true, data: { phoneKind: 'phone number' } };
  return { valid: false };
}
