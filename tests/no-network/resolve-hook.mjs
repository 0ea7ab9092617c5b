// Module resolve hook for record-loads.mjs: logs each ES module import with what it resolved to.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  const entry = { type: 'load', from: context.parentURL ?? null, specifier, url: result.url };
  appendFileSync(process.env.NHSSM_LOAD_LOG, `${JSON.stringify(entry)}\n`);
  return result;
}
