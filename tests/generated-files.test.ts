// Generated files must match what the code and rules produce now: run `npm run generate` after
// changing a check kind, the schema or a rule.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers/project.js';
import { generatedFiles } from './tools/generated-files.js';

const generated = generatedFiles();

describe('generated files', () => {
  it.each(generated.map((file) => [path.relative(PROJECT_ROOT, file.file), file] as const))('%s is current (npm run generate)', (_name, file) => {
    expect(readFileSync(file.file, 'utf8')).toBe(file.content);
  });

  it('has a rule page for every category with rules, and no other page in rules/', () => {
    const pages = fg.sync('rules/*.md', { cwd: PROJECT_ROOT, absolute: true }).map((file) => path.normalize(file)).sort();
    expect(pages).toEqual(generated.map((file) => file.file).filter((file) => file.endsWith('.md') && path.dirname(file) === path.join(PROJECT_ROOT, 'rules')).sort());
  });

  it('every rule file points editors at the published schema', () => {
    for (const file of ['sources', 'lists', 'patient-identifiable', 'confidentiality', 'reputational', 'canteen', 'accessibility']) {
      const text = readFileSync(path.join(PROJECT_ROOT, 'rules', `${file}.yaml`), 'utf8');
      expect(text.startsWith('# yaml-language-server: $schema=./rule-file.schema.json\n'), file).toBe(true);
    }
  });
});
