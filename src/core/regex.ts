// Compiles regular expressions that come from rule files: the one place rule regexes are built,
// so syntax errors and patterns that could hang the linter are reported against the rule.
import { analyse, type SelfReport, type TradeReport } from 'scslre';
import { CompileError } from '../checks/kind.js';

/** The characters an attack repeats, in words. */
function describeCharacters(char: string): string {
  if (char === ' ') return 'spaces';
  if (char === '\t') return 'tabs';
  if (char === '\n') return 'line breaks';
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f ? `U+${code.toString(16).toUpperCase().padStart(4, '0')} characters` : `"${char}" characters`;
}

/** Why a report makes the regex slow, naming the parts of the pattern that compete. */
function describeReport(report: TradeReport | SelfReport): string {
  const characters = describeCharacters(report.character.pick);
  return report.type === 'Trade'
    ? `"${report.startQuant.raw}" and "${report.endQuant.raw}" can both match the same ${characters}, so a long run of them makes it try every way of sharing them out`
    : `"${report.quant.raw}" sits inside the repeat "${report.parentQuant.raw}", so a long run of ${characters} makes it try every way of splitting them up`;
}

/**
 * Why matching a regex could take far longer than the text is long (catastrophic backtracking),
 * or undefined when it cannot. Finds repeats that can match the same characters (with scslre);
 * the limit on a post's length bounds what such a check cannot see.
 */
export function slowMatchingProblem(source: string, flags: string): string | undefined {
  let report: TradeReport | SelfReport | undefined;
  try {
    const { reports } = analyse({ source, flags }, { reportTypes: { Move: false, Self: true, Trade: true }, maxReports: 1 });
    report = reports[0] as TradeReport | SelfReport | undefined;
  } catch {
    return 'it is too complex to check that it always finishes quickly; simplify it';
  }
  if (report === undefined) return undefined;
  const fixed = report.fix();
  const rewrite = fixed === undefined ? 'Rewrite it so that no two repeats can match the same text' : `Rewrite it, for example as: ${fixed.source}`;
  return `${describeReport(report)}. ${rewrite}`;
}

/** Builds a regex from a rule file, or throws a CompileError naming what is wrong. */
export function compileRuleRegex(source: string, flags: string, path: ReadonlyArray<string | number>): RegExp {
  let regex: RegExp;
  try {
    regex = new RegExp(source, flags);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    throw new CompileError(path, `invalid regular expression: ${reason}`);
  }
  const problem = slowMatchingProblem(source, flags);
  if (problem !== undefined) throw new CompileError(path, `this regular expression could hang the linter: ${problem}`);
  return regex;
}
