// Parses a YAML text (rule file, configuration or front matter) into plain data while keeping
// the positions needed to report every problem as file:line:column.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Document, type Node } from 'yaml';

/** A problem the user can fix, at a place in a file. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.message}`;
}

/** Thrown when files the user wrote (rules, configuration) cannot be used; carries every problem found. */
export class ProblemError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

export type DataPath = ReadonlyArray<string | number>;

/** At most this many aliases may be expanded (a guard against "billion laughs" documents). */
const MAX_ALIAS_COUNT = 100;

/** Collections may nest at most this deep (a rule file needs about eight levels). */
export const MAX_YAML_DEPTH = 64;

const TOO_DEEP = `the YAML is nested too deeply (more than ${MAX_YAML_DEPTH} levels)`;

/** The first collection nested deeper than MAX_YAML_DEPTH, found without recursion. */
function tooDeepNode(root: unknown): Node | undefined {
  const pending: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 1 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { node, depth } = next;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_YAML_DEPTH) return node;
    for (const item of node.items) {
      if (isPair(item)) pending.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
      else pending.push({ node: item, depth: depth + 1 });
    }
  }
  return undefined;
}

export class YamlFile {
  readonly data: unknown;
  readonly problems: Problem[] = [];
  private readonly lineCounter = new LineCounter();
  private readonly document: Document | undefined;

  /**
   * @param source the YAML text
   * @param file the name used in problems
   * @param firstLine the line of the file on which the text starts (for front matter)
   */
  constructor(
    private readonly source: string,
    readonly file: string,
    private readonly firstLine = 1,
  ) {
    let data: unknown;
    try {
      this.document = parseDocument(source, { lineCounter: this.lineCounter, prettyErrors: false, uniqueKeys: true });
      for (const error of this.document.errors) {
        const at = this.lineCounter.linePos(error.pos[0]);
        // The parser reports running out of stack on very deep nesting as a syntax error.
        const message = /call stack/i.test(error.message) ? TOO_DEEP : `YAML syntax error: ${firstSentence(error.message)}`;
        this.problems.push(this.problemAt(at.line, at.col, message));
      }
      const deep = this.problems.length === 0 ? tooDeepNode(this.document.contents) : undefined;
      if (deep !== undefined) {
        const at = this.lineCounter.linePos(rangeStart(deep) ?? 0);
        this.problems.push(this.problemAt(at.line, at.col, TOO_DEEP));
      }
      if (this.problems.length === 0) data = this.document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const reason = error instanceof RangeError ? TOO_DEEP : error instanceof Error ? firstSentence(error.message) : String(error);
      const friendly = /resource exhaustion|alias count/i.test(reason) ? `YAML aliases expand too much (more than ${MAX_ALIAS_COUNT} uses); write the values out instead` : reason;
      this.problems.push(this.problemAt(1, 1, friendly));
    }
    this.data = data;
  }

  /** A problem at a line and column of the parsed text. */
  problemAt(line: number, column: number, message: string): Problem {
    return { file: this.file, line: line + this.firstLine - 1, column, message };
  }

  /** A problem located at a path of the data (at its key, when `atKey` is set and the path ends in a key). */
  problemAtPath(path: DataPath, message: string, atKey = false): Problem {
    const offset = this.offsetOf(path, atKey);
    const at = this.lineCounter.linePos(offset);
    return this.problemAt(at.line, at.col, message);
  }

  /**
   * Where the text of the string at `path` starts in the file (after an opening quote, or on the
   * line after a block scalar's `|` or `>`), or undefined when there is no string there.
   */
  textStartOf(path: DataPath): { line: number; column: number; verbatim: boolean } | undefined {
    const node = this.document?.getIn([...path], true);
    if (!isScalar(node) || typeof node.value !== 'string' || node.range === undefined || node.range === null) return undefined;
    let offset = node.range[0];
    if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) offset += 1;
    if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
      const source = this.source;
      const newline = source.indexOf('\n', offset);
      offset = newline === -1 ? offset : newline + 1;
      while (source[offset] === ' ') offset += 1;
    }
    const at = this.lineCounter.linePos(offset);
    // Verbatim: the file holds the text character for character from there (no escapes, no indentation).
    const verbatim = this.source.slice(offset, offset + node.value.length) === node.value;
    return { line: at.line + this.firstLine - 1, column: at.col, verbatim };
  }

  /** The source offset of the node at `path`, or of the nearest ancestor that exists. */
  private offsetOf(path: DataPath, atKey: boolean): number {
    let node: unknown = this.document?.contents;
    let offset = rangeStart(node) ?? 0;
    for (const [index, step] of path.entries()) {
      const isLast = index === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step));
        if (pair === undefined) return offset;
        if (isLast && atKey) return rangeStart(pair.key) ?? offset;
        node = pair.value;
        offset = rangeStart(pair.value) ?? rangeStart(pair.key) ?? offset;
      } else if (isSeq(node) && typeof step === 'number') {
        node = node.items[step];
        if (node === undefined) return offset;
        offset = rangeStart(node) ?? offset;
      } else {
        return offset;
      }
    }
    return offset;
  }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range === undefined || range === null ? undefined : range[0];
}

function firstSentence(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}
