// The only module that touches compromise. It is loaded on first use, so a rule set without
// NLP rules never pays its start-up cost, and it answers with plain offsets.
import { createRequire } from 'node:module';

/** A span found by the tagger, in UTF-16 offsets of the text it was given. */
export interface NlpSpan {
  start: number;
  end: number;
}

/** Named entity shortcuts a rule can ask for instead of writing a match expression. */
export const NLP_ENTITIES = ['person', 'place', 'organisation', 'date', 'value'] as const;
export type NlpEntity = (typeof NLP_ENTITIES)[number];

interface CompromiseOffset {
  start: number;
  length: number;
}
interface CompromiseMatchJson {
  terms?: Array<{ offset?: CompromiseOffset }>;
}
interface CompromiseView {
  match(expression: string): CompromiseView;
  people(): CompromiseView;
  places(): CompromiseView;
  organizations(): CompromiseView;
  json(options: { offset: boolean }): CompromiseMatchJson[];
}
type Compromise = ((text: string) => CompromiseView) & {
  world(): { model: { one: { lexicon: Record<string, string | string[] | undefined> } } };
};

let loaded: Compromise | undefined;

function compromise(): Compromise {
  if (loaded === undefined) {
    const require = createRequire(import.meta.url);
    loaded = require('compromise') as Compromise;
  }
  return loaded;
}

/** True once compromise has been loaded in this process (used by tests of lazy loading). */
export function isNlpLoaded(): boolean {
  return loaded !== undefined;
}

const PLACE_TAGS = new Set(['Place', 'City', 'Region', 'Country']);

/** Whether compromise's lexicon knows a lower-case word as a place, e.g. "liverpool" or "wales". */
export function isPlaceName(word: string): boolean {
  const tags = compromise().world().model.one.lexicon[word] ?? [];
  return (Array.isArray(tags) ? tags : [tags]).some((tag) => PLACE_TAGS.has(tag));
}

/** Checks a match expression by running it once; returns the error text, or undefined if it is usable. */
export function checkNlpExpression(expression: string): string | undefined {
  try {
    compromise()('check').match(expression);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Whether a person found by the tagger is written like a name: a capital first and not all
 * capitals (ED, RN), or a title, written any way ("mr k").
 */
function looksLikeName(text: string): boolean {
  return (/^\p{Lu}/u.test(text) && /\p{Ll}/u.test(text)) || /^(?:mr|mrs|ms|miss|mx|dr)\b/iu.test(text);
}

/** A parsed text that answers entity and match queries with offsets. */
export class NlpView {
  private readonly view: CompromiseView;

  constructor(private readonly text: string) {
    this.view = compromise()(text);
  }

  entity(name: NlpEntity): NlpSpan[] {
    switch (name) {
      case 'person':
        // A name is written with a capital and is not an acronym: compromise also tags words
        // such as "teddy" or "ED" as people, which in a care context look like patients.
        return this.spans(this.view.people()).filter((span) => looksLikeName(this.text.slice(span.start, span.end)));
      case 'place':
        return this.spans(this.view.places());
      case 'organisation':
        return this.spans(this.view.organizations());
      case 'date':
        return this.spans(this.view.match('#Date+'));
      case 'value':
        return this.spans(this.view.match('#Value+'));
    }
  }

  match(expression: string): NlpSpan[] {
    return this.spans(this.view.match(expression));
  }

  private spans(view: CompromiseView): NlpSpan[] {
    const spans: NlpSpan[] = [];
    for (const item of view.json({ offset: true })) {
      // A match's own offset counts punctuation before its first word in its length but not in
      // its start ("'(Patel" gives start 2, length 7), so the span is taken from its words.
      const first = item.terms?.[0]?.offset;
      const last = item.terms?.[item.terms.length - 1]?.offset;
      if (first === undefined || last === undefined) continue;
      let start = Math.max(0, first.start);
      let end = Math.min(this.text.length, last.start + last.length);
      // compromise includes surrounding punctuation and spaces in a match; keep the words.
      while (start < end && !/[\p{L}\p{N}]/u.test(this.text[start] as string)) start += 1;
      while (end > start && !/[\p{L}\p{N}]/u.test(this.text[end - 1] as string)) end -= 1;
      if (end > start) spans.push({ start, end });
    }
    return spans;
  }
}
