// The public API: lint a post against a rule set, load rule sets and configuration, format results, and the types.
export { lint } from './core/lint.js';
export { MAX_POST_LENGTH, PostTooLongError } from './core/post-length.js';
export { lintSource, type SourceResult } from './post/lint-source.js';
export { loadRuleSet, RuleSetError, BUILTIN_RULES_DIR, type LoadOptions } from './rules/load.js';
export { compileRuleFiles } from './rules/compile.js';
export { ConfigResolver, CONFIG_FILE_NAMES, type PostSettings, type ResolverOptions } from './config/resolve.js';
export { ConfigError } from './config/config-file.js';
export { ProblemError, type Problem } from './yaml/yaml-file.js';
export type { Rule, RuleSet, Source, Example } from './rules/model.js';
export { FORMATTERS } from './format/index.js';
export type { FileResult, FormatOptions, Formatter, Summary } from './format/results.js';
export { main } from './cli/main.js';
export type { CliIo } from './cli/io.js';
export * from './types.js';
