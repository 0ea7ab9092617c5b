// The JSON output format: one versioned document on stdout, the contract other tools build on.
import { shownTexts, summarise, type Formatter } from './results.js';

export const JSON_FORMAT_VERSION = 1;

export const formatJson: Formatter = (results, options) => {
  const document = {
    version: JSON_FORMAT_VERSION,
    results: results.map((result) => ({
      path: result.path,
      findings: result.findings.map((finding) => {
        const shown = shownTexts(finding, options.redact);
        return {
          ruleId: finding.ruleId,
          category: finding.category,
          severity: finding.severity,
          message: shown.message,
          line: finding.line,
          column: finding.column,
          endLine: finding.endLine,
          endColumn: finding.endColumn,
          excerpt: shown.excerpt,
          suggestion: shown.suggestion,
          references: finding.references.map((reference) => ({ source: reference.source, section: reference.section, url: reference.url ?? null })),
          ...(finding.image === undefined ? {} : { image: finding.image }),
        };
      }),
    })),
    summary: summarise(results),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
};
