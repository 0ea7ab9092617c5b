// Masks identifying text for reports that may be shared (CI logs, audit files): letters and
// digits become asterisks, so the shape stays readable but the value does not.

/** Masks every letter and digit of a text. */
export function maskText(text: string): string {
  return text.replace(/[\p{L}\p{N}]/gu, '*');
}

/** Masks the given ranges (offsets into `text`) and leaves the rest as it is. */
export function maskRanges(text: string, ranges: ReadonlyArray<{ start: number; end: number }>): string {
  if (ranges.length === 0) return text;
  let result = '';
  let at = 0;
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  for (const range of sorted) {
    const start = Math.max(at, Math.min(text.length, range.start));
    const end = Math.max(start, Math.min(text.length, range.end));
    result += text.slice(at, start) + maskText(text.slice(start, end));
    at = end;
  }
  return result + text.slice(at);
}
