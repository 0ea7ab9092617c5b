// Splits a post file into its optional YAML front matter (between `---` lines at the very top)
// and the body that is linted.

export interface SplitPost {
  /** The text to lint. */
  body: string;
  /** Offset of the body in the file. */
  bodyOffset: number;
  /** 1-based line on which the body starts. */
  bodyLine: number;
  /** The YAML between the fences and the line it starts on, when there is front matter. */
  frontMatter?: { text: string; firstLine: number };
}

/** Finds front matter: a first line of `---`, and a later line of `---` or `...` closing it. */
export function splitFrontMatter(source: string): SplitPost {
  const opening = /^---[ \t]*(\r\n|\r|\n)/.exec(source);
  if (opening === null) return { body: source, bodyOffset: 0, bodyLine: 1 };
  const closing = /^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/m;
  const rest = source.slice(opening[0].length);
  const found = closing.exec(rest);
  if (found === null) return { body: source, bodyOffset: 0, bodyLine: 1 };
  const text = rest.slice(0, found.index);
  const bodyOffset = opening[0].length + found.index + found[0].length;
  const linesBefore = source.slice(0, bodyOffset).split(/\r\n|\r|\n/).length - 1;
  return { body: source.slice(bodyOffset), bodyOffset, bodyLine: linesBefore + 1, frontMatter: { text, firstLine: 2 } };
}
