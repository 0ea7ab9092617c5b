// The `phrase` check kind: lists of words and phrases matched on word boundaries, tolerant of
// case, plurals and possessives, apostrophes and hyphens, and optionally of leetspeak and spacing.
import { foldTerm } from '../text/normalise.js';
import { CompileError, isInside, unknownListMessage, type Check, type CheckKind, type CompileEnv, type JsonSchema, type Match } from './kind.js';

/** How tolerant a phrase list is. */
export interface PhraseOptions {
  caseSensitive: boolean;
  /** Letters may be swapped for look-alike digits and symbols (f*ck, 5h1t). */
  leet: boolean;
  /** Letters of a word may be separated by single spaces, dots or dashes (f u c k). */
  spaced: boolean;
}

const LEET: Record<string, string> = {
  a: 'a4@*', b: 'b8', e: 'e3*', g: 'g9', i: 'i1!|*', l: 'l1|', o: 'o0*', s: 's5$', t: 't7+', u: 'u*v', z: 'z2',
};

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, (char) => `\\${char}`);
}

/** Options while building one regex: whether letters must carry both cases themselves (the regex is case-sensitive). */
interface BuildOptions extends PhraseOptions {
  bothCases: boolean;
  /** Letters are written in lower case: the regex runs, case-sensitively, on the lower-cased text. */
  lowerCase: boolean;
}

/** A character class holding both cases of every letter in `chars`. */
function withBothCases(chars: string): string {
  return [...new Set([...chars].flatMap((char) => [char.toLowerCase(), char.toUpperCase()]))].join('');
}

/**
 * The pattern for one letter. With `leet`, a letter with look-alikes matches exactly one of them
 * (a letter after a word's first may also be masked with *, as in f**k) and, at the end of a run
 * of that letter, any further copies of the letter itself ("fuuuck"). Each letter takes a fixed
 * share of the text, so the pattern cannot backtrack badly.
 */
function letterPattern(phraseChar: string, options: BuildOptions, maskable: boolean, endsRun: boolean): string {
  const char = options.lowerCase ? phraseChar.toLowerCase() : phraseChar;
  const lower = char.toLowerCase();
  const hasCase = lower !== char.toUpperCase();
  const variants = options.leet ? LEET[lower] : undefined;
  if (variants === undefined && !(options.leet && maskable)) {
    return options.bothCases && hasCase ? `[${escapeRegex(withBothCases(char))}]` : escapeRegex(char);
  }
  // A word's first letter is never a star, so a row of stars (****) is not read as a word.
  const all = maskable ? (variants ?? char) : (variants ?? char).replace('*', '');
  const withMask = maskable && !all.includes('*') ? `${all}*` : all;
  const repeat = endsRun ? `${options.bothCases && hasCase ? `[${escapeRegex(withBothCases(char))}]` : escapeRegex(char)}*` : '';
  return `[${escapeRegex(options.bothCases ? withBothCases(withMask) : withMask)}]${repeat}`;
}

/** The next letter or digit after `index`, looking past the characters a word may leave out (' - .). */
function nextLetter(chars: readonly string[], index: number): string | undefined {
  return chars.slice(index + 1).find((char) => !OPTIONAL_IN_WORD.has(char));
}

const OPTIONAL_IN_WORD = new Set(["'", '-', '.']);

/** Whether a phrase or word has a character it must match (not only spaces and optional characters). */
function hasRequiredCharacter(text: string): boolean {
  return [...text].some((char) => !OPTIONAL_IN_WORD.has(char) && !/\s/u.test(char));
}

/** The token a phrase uses for "any number". */
export const NUMBER_TOKEN = '<number>';

/** What `<number>` in a phrase stands for: a number, in digits (with an optional letter, as in "bed 4a") or words. */
const NUMBER_PATTERN =
  '(?:\\d+[a-z]?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)';

/** The token a phrase uses for "a name": one or two capitalised words, e.g. "<Name> Ward" matches "Heron Ward". */
export const NAME_TOKEN = '<Name>';

const NAME_PATTERN = "\\p{Lu}[\\p{Ll}'-]*(?:[ -]\\p{Lu}[\\p{Ll}'-]*)?";

/** The regex source for one word of a phrase. */
function wordPattern(word: string, options: BuildOptions, isLast: boolean): string {
  if (word === NUMBER_TOKEN) return NUMBER_PATTERN;
  if (word === NAME_TOKEN) return NAME_PATTERN;
  const chars = [...word];
  let pluralStem = chars;
  let ending = '';
  if (isLast && /\p{L}$/u.test(word)) {
    if (/[^aeiou]y$/i.test(word) && !/^\p{Lu}+$/u.test(word)) {
      pluralStem = chars.slice(0, -1);
      ending = options.bothCases ? "(?:[yY]'[sS]|[iI][eE][sS]|[yY])" : "(?:y's|ies|y)";
    } else if (/(?:s|x|z|ch|sh|o)$/i.test(word) && !/^\p{Lu}[\p{Lu}\p{N}]+$/u.test(word)) {
      // "es" only where English spelling adds it ("grasses", "torches"), so that "rat" does not
      // match "rates", nor an acronym such as "SHO" match "shoes".
      ending = options.bothCases ? "(?:[sS]'|'[sS]|[eE][sS]|[sS])?" : "(?:s'|'s|es|s)?";
    } else {
      ending = options.bothCases ? "(?:[sS]'|'[sS]|[sS])?" : "(?:s'|'s|s)?";
    }
  }
  // Not "*": a star stands in for a letter (f*ck), so it must not also be read as a gap.
  const separator = options.spaced ? '[ ._-]?' : '';
  const parts = pluralStem.map((char, index) => {
    const isFinal = index === pluralStem.length - 1;
    if (char === "'") return "'?";
    if (char === '-') return '[- ]?';
    if (char === '.') return '\\.?';
    if (char === '&') return ' ?& ?';
    const endsRun = nextLetter(pluralStem, index)?.toLowerCase() !== char.toLowerCase();
    const letter = /[\p{L}\p{N}]/u.test(char) ? letterPattern(char, options, index > 0, endsRun) : escapeRegex(char);
    return isFinal ? letter : letter + (/[\p{L}\p{N}]/u.test(char) ? separator : '');
  });
  return parts.join('') + ending;
}

/** The regex source matching one phrase, without boundaries. */
function phrasePattern(phrase: string, options: BuildOptions): string {
  // A "word" of nothing but optional characters would match nothing, letting the spaces around it compete.
  const words = phrase.split(/\s+/u).filter(hasRequiredCharacter);
  return words.map((word, index) => wordPattern(word, options, index === words.length - 1)).join('(?:\\s+|-)');
}

/** Finds the phrases of a list in a text, as folded ranges. */
export type PhraseFinder = (text: string) => Match[];

const NOT_BEFORE_WORD = '(?<![\\p{L}\\p{N}])';
const NOT_AFTER_WORD = '(?![\\p{L}\\p{N}])';

/**
 * Phrases on word boundaries. A boundary belongs only to an edge that is a letter or a digit:
 * "%" must match in "58%", and "🙄" right after a word, so a phrase that starts or ends with a
 * symbol carries its own boundaries; the rest share one pair, which is much quicker.
 */
function boundedRegex(phrases: readonly string[], options: BuildOptions, flags: string): RegExp {
  const wordEdged: string[] = [];
  const alternatives: string[] = [];
  for (const phrase of phrases) {
    const [start, end] = wordEdges(phrase);
    if (start && end) wordEdged.push(phrasePattern(phrase, options));
    // Phrases with a symbol at an edge come first: they are few, and usually longer forms of a
    // word-edged phrase ("offer!" before "offer").
    else alternatives.push(`${start ? NOT_BEFORE_WORD : ''}${phrasePattern(phrase, options)}${end ? NOT_AFTER_WORD : ''}`);
  }
  if (wordEdged.length > 0) alternatives.push(`${NOT_BEFORE_WORD}(?:${wordEdged.join('|')})${NOT_AFTER_WORD}`);
  return new RegExp(alternatives.join('|'), flags);
}

/**
 * Whether a phrase starts and ends with a letter or digit (or a <token>), read as phrasePattern
 * reads it: words of optional characters only are dropped, and the characters a word may leave
 * out ("Dr." matches "Dr") do not make an edge.
 */
function wordEdges(phrase: string): [boolean, boolean] {
  const core = [...phrase.split(/\s+/u).filter(hasRequiredCharacter).join(' ').replace(/^['.-]+|['.-]+$/gu, '')];
  const isWordEdge = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}<>]/u.test(char);
  return [isWordEdge(core[0]), isWordEdge(core.at(-1))];
}

/**
 * Compiles a list of phrases into a finder matching any of them on word boundaries. Phrases with
 * <Name> need capital letters where the name is, so they go into a second, case-aware regex.
 */
export function compilePhrases(phrases: readonly string[], options: PhraseOptions): PhraseFinder {
  // Many rules share the same lists: compile each distinct list once, and find its phrases in a
  // post once however many rules ask (the finder remembers its last text).
  const key = `${Number(options.caseSensitive)}${Number(options.leet)}${Number(options.spaced)}\u0000${phrases.join('\u0000')}`;
  const known = compiledFinders.get(key);
  if (known !== undefined) return known;
  const finder = rememberLast(buildFinder(phrases, options));
  compiledFinders.set(key, finder);
  return finder;
}

const compiledFinders = new Map<string, PhraseFinder>();

/** Wraps a finder so that asking again about the same text returns the same matches. */
function rememberLast(find: PhraseFinder): PhraseFinder {
  let lastText: string | undefined;
  let lastMatches: Match[] = [];
  return (text) => {
    if (text !== lastText) {
      lastMatches = find(text);
      lastText = text;
    }
    return lastMatches;
  };
}

/** A list's phrases, folded, each once, longest first (so "bed blocker" wins over "bed"): plain ones, and those with <Name>. */
function splitPhrases(phrases: readonly string[]): { plain: string[]; named: string[] } {
  const unique = [...new Set(phrases.map((phrase) => foldTerm(phrase).trim().replace(/\s+/gu, ' ')).filter(hasRequiredCharacter))];
  unique.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const hasName = (phrase: string): boolean => phrase.split(' ').includes(NAME_TOKEN);
  return { plain: unique.filter((phrase) => !hasName(phrase)), named: unique.filter(hasName) };
}

/**
 * The regex for plain phrases. Ignoring case, the phrases are written in lower case to run on
 * the lower-cased text, or else (`onLowerCasedText` false) carry the `i` flag.
 */
function plainRegex(plain: readonly string[], options: PhraseOptions, onLowerCasedText: boolean): RegExp {
  const build = { ...options, bothCases: false, lowerCase: false };
  if (options.caseSensitive) return boundedRegex(plain, build, 'gu');
  return onLowerCasedText ? boundedRegex(plain, { ...build, lowerCase: true }, 'gu') : boundedRegex(plain, build, 'giu');
}

/** The regexes of a list: for plain phrases (lower case unless the list is case-sensitive), and a case-aware one for phrases with <Name>. */
function compileParts(phrases: readonly string[], options: PhraseOptions): { plain: string[]; plainRegex?: RegExp; namedRegex?: RegExp } {
  const { plain, named } = splitPhrases(phrases);
  return {
    plain,
    ...(plain.length === 0 ? {} : { plainRegex: plainRegex(plain, options, true) }),
    ...(named.length === 0 ? {} : { namedRegex: boundedRegex(named, { ...options, bothCases: !options.caseSensitive, lowerCase: false }, 'gu') }),
  };
}

/**
 * The regexes a phrase list runs: one for plain phrases, and a second, case-aware one for
 * phrases with <Name>. None for an empty list (a trust has not filled it yet): it matches nothing.
 */
export function phraseRegexes(phrases: readonly string[], options: PhraseOptions): RegExp[] {
  const { plainRegex: plain, namedRegex: named } = compileParts(phrases, options);
  return [plain, named].filter((regex): regex is RegExp => regex !== undefined);
}

/**
 * Finds plain phrases. Ignoring case, a Unicode regex with the `i` flag is slow to compile (every
 * letter becomes a set of its case variants), so the lower-case regex runs on the lower-cased text
 * instead. Lower-casing keeps positions unless it changes the text's length (as "İ" does); then
 * the same phrases, compiled with the `i` flag only then, run on the text itself.
 */
function plainFinder(plain: readonly string[], options: PhraseOptions, regex: RegExp): PhraseFinder {
  if (options.caseSensitive) return (text) => regexMatches(regex, text);
  let ignoreCaseRegex: RegExp | undefined;
  return (text) => {
    const lower = lowerCased(text);
    if (lower.length === text.length) return regexMatches(regex, lower);
    ignoreCaseRegex ??= plainRegex(plain, options, false);
    return regexMatches(ignoreCaseRegex, text);
  };
}

/** The lower-cased text, remembered for the last text asked about (every finder asks about the same post). */
function lowerCased(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}

let lastText = '';
let lastLower = '';

function buildFinder(phrases: readonly string[], options: PhraseOptions): PhraseFinder {
  const { plain, plainRegex: plainPhrases, namedRegex: named } = compileParts(phrases, options);
  const finders = [
    ...(plainPhrases === undefined ? [] : [plainFinder(plain, options, plainPhrases)]),
    ...(named === undefined ? [] : [(text: string) => regexMatches(named, text)]),
  ];
  const [first, second] = finders;
  if (first === undefined) return () => [];
  if (second === undefined) return first;
  return (text) => [...first(text), ...second(text)].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** All matches of a global regex in a text, as folded ranges (empty matches are skipped). */
export function regexMatches(regex: RegExp, text: string): Match[] {
  const matches: Match[] = [];
  regex.lastIndex = 0;
  for (const found of text.matchAll(regex)) {
    if (found[0] !== '') matches.push({ start: found.index, end: found.index + found[0].length });
  }
  return matches;
}

/** Drops matches that lie inside a match of the exception phrases. */
export function withoutExceptions(matches: Match[], exceptions: PhraseFinder | undefined, text: string): Match[] {
  if (exceptions === undefined || matches.length === 0) return matches;
  const excepted = exceptions(text);
  return matches.filter((match) => !isInside(match, excepted));
}

export const PHRASE_OPTION_PROPERTIES: Record<string, JsonSchema> = {
  case_sensitive: { type: 'boolean', description: 'Match letter case exactly (default: false).' },
  leet: { type: 'boolean', description: 'Also match letters swapped for digits or symbols, e.g. f*ck, 5h1t (default: false).' },
  spaced: { type: 'boolean', description: 'Also match words spelt out with spaces, dots or dashes, e.g. f u c k (default: false).' },
};

const TERMS: JsonSchema = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 };

export function phraseOptions(params: Record<string, unknown>): PhraseOptions {
  return { caseSensitive: params.case_sensitive === true, leet: params.leet === true, spaced: params.spaced === true };
}

/** The terms of the named lists a rule uses (its `lists` key). */
export function listTerms(params: Record<string, unknown>, env: CompileEnv, path: ReadonlyArray<string | number> = []): string[] {
  const found: string[] = [];
  for (const [index, name] of ((params.lists as string[] | undefined) ?? []).entries()) {
    const terms = env.list(name);
    if (terms === undefined) throw new CompileError([...path, 'lists', index], unknownListMessage(name));
    found.push(...terms);
  }
  return found;
}

/** The phrases of a rule: its own plus those of the named lists it uses. */
export function collectPhrases(params: Record<string, unknown>, env: CompileEnv, path: ReadonlyArray<string | number> = []): string[] {
  // A list may be empty until a trust fills it (e.g. its confidential project names); a rule
  // that names no phrase and no list at all is a mistake.
  if (params.phrases === undefined && params.lists === undefined) throw new CompileError(path, 'give at least one phrase, in "phrases" or through "lists"');
  const phrases = [...((params.phrases as string[] | undefined) ?? []), ...listTerms(params, env, path)];
  return phrases;
}

/** A check for a rule's (or matcher's) phrases and lists, without the phrases inside its exceptions. */
export function compilePhraseCheck(params: Record<string, unknown>, env: CompileEnv, path: ReadonlyArray<string | number> = []): Check {
  const options = phraseOptions(params);
  const find = compilePhrases(collectPhrases(params, env, path), options);
  const exceptionList = params.exceptions as string[] | undefined;
  const exceptions = exceptionList === undefined ? undefined : compilePhrases(exceptionList, { ...options, leet: false, spaced: false });
  return (doc) => withoutExceptions(find(doc.text), exceptions, doc.text);
}

export const phraseKind: CheckKind = {
  name: 'phrase',
  description: 'Flags any of a list of words or phrases, on word boundaries, ignoring case, plurals, possessives and apostrophes; `<number>` in a phrase stands for any number (`bed <number>` matches "bed 4") and `<Name>` for one or two capitalised words (`<Name> Ward` matches "Heron Ward"). With `leet`, `f*ck`, `f**k` and `5h1t` are found; with `spaced`, `f u c k`.',
  properties: {
    phrases: { ...TERMS, description: 'Words and phrases to flag; <number> stands for any number ("bed <number>" matches "bed 4") and <Name> for one or two capitalised words ("<Name> Ward" matches "Heron Ward").' },
    lists: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'Names of term lists (defined under `lists:`) to flag as well.' },
    exceptions: { ...TERMS, description: 'Phrases that contain a flagged phrase but are fine, e.g. "bloody brilliant".' },
    ...PHRASE_OPTION_PROPERTIES,
  },
  required: [],
  placeholders: () => ['match'],
  usesNlp: () => false,
  compile: (params, env) => compilePhraseCheck(params, env),
};
