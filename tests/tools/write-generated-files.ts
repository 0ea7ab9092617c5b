// `npm run generate`: writes the generated files (the JSON Schemas, the rule docs and the README's
// rules table) and removes the page of any category that no longer has rules.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../helpers/project.js';
import { generatedFiles, staleCategoryPages } from './generated-files.js';

const files = generatedFiles();
for (const { file, content } of files) {
  writeFileSync(file, content);
  console.log(`wrote ${path.relative(PROJECT_ROOT, file)}`);
}
for (const file of staleCategoryPages(files)) {
  if (!existsSync(file)) continue;
  rmSync(file);
  console.log(`removed ${path.relative(PROJECT_ROOT, file)} (its category has no rules)`);
}
