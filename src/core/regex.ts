// Regular expressions from rule files: the one place they are built, so syntax errors are
// reported against the rule, and the check that refuses patterns that could hang the linter.
import { visitRegExpAST } from '@eslint-community/regexpp';
import { getIntersectionWords, JS, NFA } from 'refa';
import { analyse, type Report } from 'scslre';
import { CompileError } from '../checks/kind.js';

/** The characters an attack repeats, in words. */
function describeCharacters(char: string): string {
  if (char === ' ') return 'spaces';
  if (char === '\t') return 'tabs';
  if (char === '\n') return 'line breaks';
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f ? `U+${code.toString(16).toUpperCase().padStart(4, '0')} characters` : `"${char}" characters`;
}

/** Why a report makes the regex slow, naming the parts of the pattern involved, and how to fix it. */
function describeReport(report: Report): string {
  const characters = describeCharacters(report.character.pick);
  const fixed = report.fix();
  const rewrite = (advice: string) => (fixed === undefined ? advice : `Rewrite it, for example as: ${fixed.source}`);
  switch (report.type) {
    case 'Trade':
      return `"${report.startQuant.raw}" and "${report.endQuant.raw}" can both match the same ${characters}, so a long run of them makes it try every way of sharing them out. ${rewrite('Rewrite it so that no two repeats can match the same text')}`;
    case 'Self':
      return `"${report.quant.raw}" sits inside the repeat "${report.parentQuant.raw}", so a long run of ${characters} makes it try every way of splitting them up. ${rewrite('Rewrite it so that no two repeats can match the same text')}`;
    case 'Move':
      return `"${report.quant.raw}" is tried again from every position in a long run of ${characters}, so the time grows with the square of the run. ${rewrite(`Start it with \\b, or with (?<!${report.character.literal.source}), so that it cannot start inside such a run`)}`;
  }
}

/** Automata bigger than this are not built: the regex is then too complex to check. */
const MAX_NFA_NODES = 10_000;

/** The shortest text both automata accept, for showing what is ambiguous. */
function commonExample(left: NFA, right: NFA): string | undefined {
  for (const word of getIntersectionWords(left, right, MAX_NFA_NODES)) return String.fromCodePoint(...word);
  return undefined;
}

/**
 * Why a repeated part of the regex can match the same text in more than one way, or undefined.
 * scslre looks for repeats trading single characters; this finds the other way a repeat goes
 * exponential: its body can match a text in one go or in several turns (`(a|aa)+`), or two of its
 * alternatives can match the same text (`(?:a|a)+`).
 */
function ambiguousRepeat(source: string, flags: string): string | undefined {
  const parser = JS.Parser.fromLiteral({ source, flags });
  const automaton = (element: Parameters<typeof parser.parseElement>[0]): NFA => {
    const { expression, maxCharacter } = parser.parseElement(element, { assertions: 'ignore', backreferences: 'disable', maxNodes: MAX_NFA_NODES });
    const nfa = NFA.fromRegex(expression, { maxCharacter }, { assertions: 'ignore', unknowns: 'disable' }, new NFA.LimitedNodeFactory(MAX_NFA_NODES));
    nfa.withoutEmptyWord();
    return nfa;
  };
  // Examples come out in capitals when case is ignored; lower case reads more naturally.
  const example = (left: NFA, right: NFA) => {
    const text = commonExample(left, right);
    return text !== undefined && parser.flags.ignoreCase ? text.toLowerCase() : text;
  };
  let problem: string | undefined;
  visitRegExpAST(parser.ast.pattern, {
    onQuantifierEnter(quantifier) {
      if (problem !== undefined || quantifier.max < 2) return;
      const once = automaton(quantifier.element);
      const severalTimes = once.copy();
      severalTimes.quantify(2, Infinity);
      const split = example(once, severalTimes);
      if (split !== undefined) {
        problem = `the repeat "${quantifier.raw}" can match "${split}" in one turn or in several, so a long text makes it try every way of splitting it up`;
        return;
      }
      const { element } = quantifier;
      if (element.type !== 'Group' && element.type !== 'CapturingGroup') return;
      const alternatives = element.alternatives.map((alternative) => ({ raw: alternative.raw, nfa: automaton(alternative) }));
      for (const [index, first] of alternatives.entries()) {
        for (const second of alternatives.slice(index + 1)) {
          const both = example(first.nfa, second.nfa);
          if (both === undefined) continue;
          problem = `in the repeat "${quantifier.raw}", "${first.raw}" and "${second.raw}" can both match "${both}", so a long text makes it try every choice between them`;
          return;
        }
      }
    },
  });
  return problem === undefined ? undefined : `${problem}. Rewrite it so that each part of the text can be matched only one way`;
}

/**
 * Why matching a regex could take far longer than the text is long (catastrophic backtracking),
 * or undefined when it cannot: repeats that compete for the same characters, a repeat retried
 * from every position of a run of one character, or a repeat that can match the same text in
 * more than one way. Slowdowns these checks cannot see stay bounded by the limit on a post's length.
 */
export function slowMatchingProblem(source: string, flags: string): string | undefined {
  try {
    // The worst first: exponential and polynomial backtracking, then a repeat restarting along a run.
    const { reports } = analyse({ source, flags });
    const backtracking = reports.find((report) => report.type !== 'Move');
    if (backtracking !== undefined) return describeReport(backtracking);
    const restarting = reports.find((report) => report.type === 'Move');
    return ambiguousRepeat(source, flags) ?? (restarting === undefined ? undefined : describeReport(restarting));
  } catch {
    return 'it is too complex to check that it always finishes quickly; simplify it';
  }
}

/** Builds a regex from a rule file, or throws a CompileError naming what is wrong. */
export function compileRuleRegex(source: string, flags: string, path: ReadonlyArray<string | number>): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    throw new CompileError(path, `invalid regular expression: ${reason}`);
  }
}

/**
 * Every regex a rule's data holds (a pattern's `regex`, and those of its matchers and `unless`
 * entries), with its path in the rule and the flags it is compiled with (see compilePattern).
 */
export function regexesIn(node: unknown, path: Array<string | number> = []): Array<{ path: Array<string | number>; source: string; flags: string }> {
  if (Array.isArray(node)) return node.flatMap((item, index) => regexesIn(item, [...path, index]));
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const found = Object.entries(record).flatMap(([key, value]) => (key === 'regex' ? [] : regexesIn(value, [...path, key])));
  if (typeof record.regex === 'string') found.unshift({ path: [...path, 'regex'], source: record.regex, flags: record.case_sensitive === true ? 'gu' : 'giu' });
  return found;
}
