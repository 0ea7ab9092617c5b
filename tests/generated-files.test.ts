// Generated files must match what the code and rules produce now: run `npm run generate` after
// changing a check kind, the schema or a rule.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers/project.js';
import { generatedFiles } from './tools/generated-files.js';

describe('generated files', () => {
  it.each(generatedFiles().map((generated) => [path.relative(PROJECT_ROOT, generated.file), generated] as const))('%s is current (npm run generate)', (_name, generated) => {
    expect(readFileSync(generated.file, 'utf8')).toBe(generated.content);
  });

  it('every rule file points editors at the published schema', () => {
    for (const file of ['sources', 'lists', 'patient-identifiable', 'confidentiality', 'reputational', 'canteen', 'accessibility']) {
      const text = readFileSync(path.join(PROJECT_ROOT, 'rules', `${file}.yaml`), 'utf8');
      expect(text.startsWith('# yaml-language-server: $schema=./rule-file.schema.json\n'), file).toBe(true);
    }
  });
});
