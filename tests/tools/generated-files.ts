// The files generated from the source of truth (the code's schemas, the YAML rules): what each
// should contain. `npm run generate` writes them; tests/generated-files.test.ts checks they are current.
import path from 'node:path';
import { configFileSchema } from '../../src/config/schema.js';
import { ruleFileSchema } from '../../src/rules/schema.js';
import { PROJECT_ROOT } from '../helpers/project.js';

export interface GeneratedFile {
  file: string;
  content: string;
}

export function generatedFiles(): GeneratedFile[] {
  return [
    { file: path.join(PROJECT_ROOT, 'rules', 'rule-file.schema.json'), content: `${JSON.stringify(ruleFileSchema(), null, 2)}\n` },
    { file: path.join(PROJECT_ROOT, 'rules', 'config.schema.json'), content: `${JSON.stringify(configFileSchema(), null, 2)}\n` },
  ];
}
