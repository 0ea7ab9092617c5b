// Lints a whole post file: reads the context in its front matter (`nhssm:` key), lints the body,
// and reports positions in the file's own lines. Pure: the caller reads the file.
import { lint } from '../core/lint.js';
import type { RuleSet } from '../rules/model.js';
import type { Finding, PostContext } from '../types.js';
import { SchemaChecker } from '../yaml/schema-check.js';
import { YamlFile, type Problem } from '../yaml/yaml-file.js';
import { isCalendarDay, POST_CONTEXT_SCHEMA, toPostContext } from './context-schema.js';
import { splitFrontMatter } from './front-matter.js';

export interface SourceResult {
  findings: Finding[];
  /** Problems in the front matter; when there are any, the post was not linted. */
  problems: Problem[];
  context: PostContext;
  /** The whole front matter, for tools (such as the fixture tests) that keep their own keys in it. */
  frontMatter: Record<string, unknown> | undefined;
}

let contextChecker: SchemaChecker | undefined;

/** Reads a post's own context from its front matter (the `nhssm:` key); other keys are left alone. */
export interface FrontMatter {
  /** All of the front matter, or undefined when there is none (or it is broken). */
  data: Record<string, unknown> | undefined;
  /** The post's own context, from the `nhssm:` key. */
  context: Partial<PostContext>;
  problems: Problem[];
  /** The parsed front matter, for locating its values. */
  yaml?: YamlFile;
}

export function readFrontMatter(split: ReturnType<typeof splitFrontMatter>, file: string): FrontMatter {
  if (split.frontMatter === undefined) return { data: undefined, context: {}, problems: [] };
  // The YAML parser knows LF and CRLF but not a lone CR (old Mac files): read one as LF, which keeps every offset.
  const yaml = new YamlFile(split.frontMatter.text.replace(/\r(?!\n)/g, '\n'), file, split.frontMatter.firstLine);
  if (yaml.problems.length > 0) return { data: undefined, context: {}, problems: yaml.problems };
  if (yaml.data === null || yaml.data === undefined) return { data: {}, context: {}, problems: [] };
  if (typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    return { data: undefined, context: {}, problems: [yaml.problemAt(1, 1, 'front matter should be a set of "key: value" lines')] };
  }
  const data = yaml.data as Record<string, unknown>;
  if (data.nhssm === undefined) return { data, context: {}, problems: [] };
  contextChecker ??= new SchemaChecker(POST_CONTEXT_SCHEMA);
  const issues = contextChecker.check(data.nhssm);
  if (issues.length > 0) {
    return { data, context: {}, problems: issues.map((issue) => yaml.problemAtPath(['nhssm', ...issue.path], issue.message, issue.atKey)) };
  }
  const publishAt = (data.nhssm as Record<string, unknown>).publish_at;
  if (typeof publishAt === 'string' && !isCalendarDay(publishAt.slice(0, 10))) {
    return { data, context: {}, problems: [yaml.problemAtPath(['nhssm', 'publish_at'], `"${publishAt}" is not a real date`)] };
  }
  return { data, context: toPostContext(data.nhssm as Record<string, unknown>), problems: [], yaml };
}

/**
 * Moves a finding to where it is in the file: below the front matter for the post's text, or at
 * its image's alt text inside the front matter. Offsets stay those of the part it is in.
 */
function placeInFile(finding: Finding, bodyLine: number, front: FrontMatter): Finding {
  if (finding.image === undefined) {
    return { ...finding, line: finding.line + bodyLine - 1, endLine: finding.endLine + bodyLine - 1 };
  }
  const at = front.yaml?.textStartOf(['nhssm', 'images', finding.image - 1, 'alt']);
  if (at === undefined) return finding;
  // Escapes or indentation in the YAML move the text about: then point at where the alt text starts.
  if (!at.verbatim) return { ...finding, line: at.line, column: at.column, endLine: at.line, endColumn: at.column };
  const shift = (line: number, column: number) => (line === 1 ? { line: at.line, column: at.column + column - 1 } : { line: at.line + line - 1, column });
  const from = shift(finding.line, finding.column);
  const to = shift(finding.endLine, finding.endColumn);
  return { ...finding, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/** Lints a post file's text; `base` is the context from configuration and flags. */
export function lintSource(source: string, file: string, ruleSet: RuleSet, base: PostContext): SourceResult {
  const split = splitFrontMatter(source);
  const front = readFrontMatter(split, file);
  const context: PostContext = { ...base, ...front.context };
  if (front.problems.length > 0) return { findings: [], problems: front.problems, context, frontMatter: front.data };
  const findings = lint(split.body, ruleSet, context).map((finding) => placeInFile(finding, split.bodyLine, front));
  return { findings, problems: [], context, frontMatter: front.data };
}
