// The shape of a named validator: it confirms (or rejects) what a pattern matched, and may
// describe it for the message.

export interface ValidatorResult {
  valid: boolean;
  /** Values for the rule's {{placeholders}}, e.g. {scheme: "NHS number"}. */
  data?: Record<string, string>;
}

export type Validator = (text: string) => ValidatorResult;
