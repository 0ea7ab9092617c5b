// Compiles regular expressions that come from rule files: the one place rule regexes are built,
// so syntax errors are reported against the rule that wrote them.
import { CompileError } from '../checks/kind.js';

/** Builds a regex from a rule file, or throws a CompileError naming what is wrong. */
export function compileRuleRegex(source: string, flags: string, path: ReadonlyArray<string | number>): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    throw new CompileError(path, `invalid regular expression: ${reason}`);
  }
}
