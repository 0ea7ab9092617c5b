// Converts UTF-16 offsets into 1-based line and column numbers: the one place that knows how
// lines break (LF, CRLF or a lone CR, as in LSP) and that columns count UTF-16 code units.

/** Offsets at which each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x0a) {
      starts.push(index + 1);
    } else if (code === 0x0d) {
      if (text.charCodeAt(index + 1) === 0x0a) index += 1;
      starts.push(index + 1);
    }
  }
  return starts;
}

export interface Position {
  line: number;
  column: number;
}

/** The 1-based line and column of an offset, given the line starts of its text. */
export function positionAt(starts: readonly number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (starts[low] as number) + 1 };
}
