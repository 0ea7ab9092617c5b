// `npm run generate`: writes the generated files (the rule-file and configuration JSON Schemas).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../helpers/project.js';
import { generatedFiles } from './generated-files.js';

for (const { file, content } of generatedFiles()) {
  writeFileSync(file, content);
  console.log(`wrote ${path.relative(PROJECT_ROOT, file)}`);
}
