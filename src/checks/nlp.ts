// The `nlp` check kind: people, places, dates and other entities found by compromise, or any
// compromise match expression. The parse is built lazily, once per post, by the document.
import { checkNlpExpression, type NlpEntity } from '../nlp/compromise.js';
import { CompileError, type Check, type CheckKind } from './kind.js';

/** Compiles `entity` or `nlp` parameters into a check over the post's NLP parse. */
export function compileNlpQuery(params: Record<string, unknown>, path: ReadonlyArray<string | number> = []): Check {
  const entity = params.entity as NlpEntity | undefined;
  const expression = params.nlp as string | undefined;
  if ((entity === undefined) === (expression === undefined)) {
    throw new CompileError(path, 'give exactly one of "entity" or "nlp"');
  }
  if (expression !== undefined) {
    const problem = checkNlpExpression(expression);
    if (problem !== undefined) throw new CompileError([...path, 'nlp'], `invalid compromise match expression: ${problem}`);
    return (doc) => doc.nlp().match(expression);
  }
  return (doc) => doc.nlp().entity(entity as NlpEntity);
}

export const nlpKind: CheckKind = {
  name: 'nlp',
  description: 'Flags people, places, dates or other entities found by the compromise NLP library, or any compromise match expression.',
  properties: {
    entity: { enum: ['person', 'place', 'organisation', 'date', 'value'], description: 'An entity to flag.' },
    nlp: { type: 'string', minLength: 1, description: 'A compromise match expression, e.g. "#Value (year|years) old".' },
  },
  required: [],
  placeholders: () => ['match'],
  usesNlp: () => true,
  compile: (params) => compileNlpQuery(params),
};
