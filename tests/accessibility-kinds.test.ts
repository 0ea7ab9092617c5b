// The accessibility check kinds, one by one, on rules written for the test: hashtag case,
// capitals, counts of hashtags and emoji, platform length, sentence length, reading ease and alt
// text, with the edge cases that trip naive code (ZWJ emoji, flags, links, acronyms, digits).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint.js';
import { DEFAULT_CONTEXT, type Finding, type PostContext } from '../src/types.js';
import { builtinRuleSet, PROJECT_ROOT, ruleSetFromYaml } from './helpers/project.js';

function rule(kind: string, body: string, message = "'{{match}}' found."): string {
  const keys = `
    category: accessibility
    severity: info
    kind: ${kind}
    message: "${message}"
    rationale: A rule written for the accessibility kind tests, to exercise one kind at a time.
    suggestion: Nothing to do; this is a test.
    references: [{source: NHSEMP-HRSM-2013, section: Key points}]
    examples: {flag: [a, b], pass: [c, d]}`;
  return `rules:\n  - id: test-${kind}${keys}\n${body.replace(/^(?=.)/gm, '    ')}\n`;
}

function lintWith(yaml: string, text: string, context: Partial<PostContext> = {}): Finding[] {
  return lint(text, ruleSetFromYaml({ 'test.yaml': yaml }), { ...DEFAULT_CONTEXT, ...context });
}

function excerpts(yaml: string, text: string, context: Partial<PostContext> = {}): string[] {
  return lintWith(yaml, text, context).map((finding) => finding.excerpt);
}

describe('hashtag-case', () => {
  const yaml = rule('hashtag-case', 'words: [wellbeing]\nlists: [nhs-acronyms]', "'{{match}}' runs together: try {{camel_case}}.");

  it('flags dictionary words run together in lower case or in capitals, and suggests camel case', () => {
    const findings = lintWith(yaml, 'Open day Saturday #careersinnursing #NURSESDAY #bekind');
    expect(findings.map((finding) => finding.message)).toEqual([
      "'#careersinnursing' runs together: try #CareersInNursing.",
      "'#NURSESDAY' runs together: try #NursesDay.",
      "'#bekind' runs together: try #BeKind.",
    ]);
  });

  it('reads listed acronyms as words and suggests them in capitals', () => {
    expect(lintWith(yaml, 'Apply now #nhsjobs #teamnhs').map((finding) => finding.message)).toEqual([
      "'#nhsjobs' runs together: try #NHSJobs.",
      "'#teamnhs' runs together: try #TeamNHS.",
    ]);
  });

  it('passes single words, camel case, acronyms with digits and listed words', () => {
    expect(excerpts(yaml, '#nursing #physio #MentalHealthAwareness #NHSJobs #ICUNurse #NHS75 #FOAMed #wellbeing #midwifery')).toEqual([]);
  });

  it('reads capitals that would split only into two-letter words as an acronym', () => {
    expect(excerpts(yaml, 'Updates on #MERS #ICYMI')).toEqual([]);
  });

  it('knows American spellings as well as British ones', () => {
    expect(lintWith(yaml, 'Join us #pediatricnurse #paediatricnurse').map((finding) => finding.message)).toEqual([
      "'#pediatricnurse' runs together: try #PediatricNurse.",
      "'#paediatricnurse' runs together: try #PaediatricNurse.",
    ]);
  });

  it('checks each part that the capitals or digits set apart', () => {
    expect(lintWith(yaml, '#NHSjobsfair #2030nightshift #Nursing2030 #NHSjobs').map((finding) => finding.message)).toEqual([
      "'#NHSjobsfair' runs together: try #NHSJobsFair.",
      "'#2030nightshift' runs together: try #2030NightShift.",
    ]);
  });

  it('leaves names alone: a capitalised hashtag, or a place compromise knows', () => {
    expect(excerpts(yaml, 'Hello from #Nottingham #Blackpool #liverpool #newcastle')).toEqual([]);
  });

  it('does not take a link fragment or a number for a hashtag', () => {
    expect(excerpts(yaml, 'See https://example.org/page#mentalhealthawareness and call #1')).toEqual([]);
  });

  it('sees through look-alike letters and reports the hashtag as written', () => {
    expect(excerpts(yaml, 'Thank you #bеkind')).toEqual(['#bеkind']); // Cyrillic е
  });
});

describe('capitals', () => {
  const yaml = rule('capitals', 'min_words: 3\nwords: [NICE]');

  it('flags three or more words in capitals, from the first shouted word to the last', () => {
    expect(excerpts(yaml, 'Reminder: PLEASE DO NOT ATTEND A&E unless it is an emergency')).toEqual(['PLEASE DO NOT ATTEND']);
    expect(excerpts(yaml, "DON'T FORGET YOUR badge")).toEqual(["DON'T FORGET YOUR"]);
  });

  it('does not count acronyms: unlisted ones not in the dictionary, or listed ones', () => {
    expect(excerpts(yaml, 'The NHS ICU ODN network and PPE, FFP3, PAPR kits')).toEqual([]);
    expect(excerpts(yaml, 'NEW NICE GUIDANCE')).toEqual([]);
    expect(excerpts(yaml, 'NEW NICE GUIDANCE TODAY')).toEqual(['NEW NICE GUIDANCE TODAY']);
  });

  it('lets acronyms, single letters and numbers sit inside a run without counting', () => {
    expect(excerpts(yaml, 'THANK YOU NHS STAFF')).toEqual(['THANK YOU NHS STAFF']);
    expect(excerpts(yaml, 'OPEN 24 HOURS A DAY')).toEqual(['OPEN 24 HOURS A DAY']);
    expect(excerpts(yaml, 'OPEN 24/7 A&E')).toEqual([]);
  });

  it('ends a run at a word in lower case or a line break', () => {
    expect(excerpts(yaml, 'BIG NEWS: our ward OPENS TODAY')).toEqual([]);
    expect(excerpts(yaml, 'GOOD MORNING\nEVERYONE')).toEqual([]);
  });

  it('ignores hashtags and mentions', () => {
    expect(excerpts(yaml, 'Well done #TEAM #NIGHT #SHIFT @WARDNINE')).toEqual([]);
  });
});

describe('count', () => {
  const emoji = rule('count', 'count: emoji\nmax: 3', '{{count}} emoji, {{max}} allowed.');
  const hashtags = rule('count', 'count: hashtags\nmax: 3', '{{count}} hashtags.');

  it('counts a ZWJ sequence, a skin tone, a flag and a keycap once each', () => {
    expect(excerpts(emoji, 'Welcome 👩‍⚕️🧑‍⚕️👨‍⚕️')).toEqual([]);
    expect(excerpts(emoji, 'Proud 👏🏽🇬🇧1️⃣')).toEqual([]);
    expect(lintWith(emoji, 'Team 👩‍⚕️👏🏽🇬🇧🏴󠁧󠁢󠁷󠁬󠁳󠁿').map((finding) => finding.message)).toEqual(['4 emoji, 3 allowed.']);
  });

  it('reports from the first emoji over the limit to the end of the last, in UTF-16 columns of the original text', () => {
    const [finding] = lintWith(emoji, 'Hi 👩‍⚕️👩‍⚕️👩‍⚕️🏴󠁧󠁢󠁷󠁬󠁳󠁿 and 👍');
    expect(finding?.excerpt).toBe('🏴󠁧󠁢󠁷󠁬󠁳󠁿 and 👍');
    expect([finding?.line, finding?.column, finding?.endColumn]).toEqual([1, 19, 40]);
  });

  it('counts hashtags and reports the ones over the limit', () => {
    expect(excerpts(hashtags, 'Hiring #TeamNHS #Nursing #Leeds')).toEqual([]);
    expect(lintWith(hashtags, 'Our #nurses and #midwives are the #heart of our #hospital #care').map((finding) => [finding.excerpt, finding.message])).toEqual([
      ['#hospital #care', '5 hashtags.'],
    ]);
  });
});

describe('length', () => {
  const yaml = rule(
    'length',
    'limits:\n  x: {name: X, max: 280, count: x-weighted}\n  bluesky: {name: Bluesky, max: 300, count: graphemes}\n  mastodon: {name: Mastodon, max: 500, count: graphemes, url_length: 23}',
    '{{length}} on {{platform_name}}, limit {{limit}}, {{over}} over.',
  );

  it('runs only when the platform is known and has a limit', () => {
    const long = 'a'.repeat(600);
    expect(lintWith(yaml, long)).toEqual([]);
    expect(lintWith(yaml, long, { platform: 'facebook' })).toEqual([]);
    expect(lintWith(yaml, long, { platform: 'x' })).toHaveLength(1);
  });

  it('counts as X does: a link is 23, an emoji 2, whatever their length', () => {
    const link = `https://example.org/${'very-long-path/'.repeat(10)}`;
    const text = `${'b'.repeat(250)} ${link}`;
    expect(lintWith(yaml, text, { platform: 'x' })).toEqual([]); // 250 + 1 + 23 = 274
    const [finding] = lintWith(yaml, `${'c'.repeat(279)}👩‍⚕️ end`, { platform: 'x' });
    expect(finding?.message).toBe('285 on X, limit 280, 5 over.');
    expect(finding?.excerpt).toBe('👩‍⚕️ end');
    expect(finding?.column).toBe(280);
  });

  it('counts graphemes on Bluesky, so a ZWJ emoji is one character', () => {
    expect(lintWith(yaml, '👩‍⚕️'.repeat(300), { platform: 'bluesky' })).toEqual([]);
    const [finding] = lintWith(yaml, `${'👩‍⚕️'.repeat(299)}é🏴󠁧󠁢󠁷󠁬󠁳󠁿`, { platform: 'bluesky' });
    expect(finding?.message).toBe('301 on Bluesky, limit 300, 1 over.');
    expect(finding?.excerpt).toBe('🏴󠁧󠁢󠁷󠁬󠁳󠁿');
  });

  it('counts a link as url_length where the platform does, and ignores white space around the post', () => {
    const link = `https://example.org/${'x'.repeat(200)}`;
    expect(lintWith(yaml, `\n\n${'d'.repeat(470)} ${link}\n\n\n`, { platform: 'mastodon' })).toEqual([]); // 470 + 1 + 23
    const [finding] = lintWith(yaml, `${'d'.repeat(480)} ${link}`, { platform: 'mastodon' });
    expect([finding?.excerpt, finding?.message]).toEqual([link, '504 on Mastodon, limit 500, 4 over.']);
  });

  it('refuses url_length with X counting, which counts links itself', () => {
    const broken = rule('length', 'limits:\n  x: {name: X, max: 280, count: x-weighted, url_length: 23}');
    expect(() => ruleSetFromYaml({ 'test.yaml': broken })).toThrow(/url_length is only for graphemes/);
  });
});

describe('sentence-length', () => {
  const yaml = rule('sentence-length', 'max_words: 35', '{{words}} words, {{max_words}} allowed.');
  const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');

  it('flags each sentence over the limit, and only those', () => {
    const findings = lintWith(yaml, `${words(35)}. ${words(36)}. Short one.`);
    expect(findings.map((finding) => finding.message)).toEqual(['36 words, 35 allowed.']);
    expect(findings[0]?.excerpt).toBe(`${words(36)}.`);
  });

  it('does not count hashtags, links or mentions as words', () => {
    expect(lintWith(yaml, `${words(33)} @WardNine https://example.org #One #Two #Three`)).toEqual([]);
  });
});

describe('reading-ease', () => {
  const yaml = rule('reading-ease', 'below: 30\nmin_words: 15', 'Scores {{score}}.');

  it('flags long words throughout, with the Flesch score', () => {
    const dense =
      'Comprehensive multidisciplinary evaluation facilitates individualised rehabilitation, optimising functional independence and psychological wellbeing following neurological deterioration.';
    const [finding] = lintWith(yaml, dense);
    expect(finding?.message).toMatch(/^Scores -\d+\.$/);
    expect(finding?.excerpt).toBe(dense.slice(0, -1));
  });

  it('passes plain English, and does not score a few words', () => {
    expect(lintWith(yaml, 'Come to the open day on Saturday. Meet the team, see the wards and ask us anything you like.')).toEqual([]);
    expect(lintWith(yaml, 'Physiotherapy, occupational therapy and rehabilitation appointments.')).toEqual([]);
  });

  it('scores only posts up to max_words when it is given', () => {
    const short = rule('reading-ease', 'below: -120\nmin_words: 8\nmax_words: 14');
    expect(lintWith(short, 'Interdisciplinary musculoskeletal physiotherapy optimises functional rehabilitation following orthopaedic intervention.')).toHaveLength(1);
    const dense =
      'Comprehensive multidisciplinary evaluation facilitates individualised rehabilitation, optimising functional independence and psychological wellbeing following neurological deterioration.';
    expect(lintWith(short, dense)).toEqual([]);
  });

  it('leaves out names and titles, as WCAG asks', () => {
    const withTitle = 'We went to the Royal College of Obstetricians and Gynaecologists Annual Conference International Symposium in town today and had a lovely time.';
    expect(lintWith(yaml, withTitle)).toEqual([]);
  });
});

describe('alt-text', () => {
  const yaml = rule('alt-text', '', 'Image {{image}} of {{images}} has no alt text.');

  it('flags each image with no alt text, or blank alt text, at the start of the post', () => {
    const findings = lintWith(yaml, 'Our garden\nin bloom', { images: [{}, { alt: 'Sunflowers by a bench' }, { alt: '  ' }] });
    expect(findings.map((finding) => finding.message)).toEqual(['Image 1 of 3 has no alt text.', 'Image 3 of 3 has no alt text.']);
    expect(findings.map((finding) => [finding.line, finding.column, finding.endLine, finding.endColumn, finding.excerpt])).toEqual([
      [1, 1, 1, 1, ''],
      [1, 1, 1, 1, ''],
    ]);
  });

  it('passes posts whose images all have alt text, and posts without images', () => {
    expect(lintWith(yaml, 'Our garden', { images: [{ alt: 'Sunflowers by a bench' }] })).toEqual([]);
    expect(lintWith(yaml, 'Our garden')).toEqual([]);
  });
});

describe('info-only categories', () => {
  it("refuses an accessibility rule in a file whose defaults.when raises every rule's severity", () => {
    const yaml = `defaults:\n  when:\n    - {if: {account: corporate}, severity: warning}\n${rule('capitals', 'min_words: 3')}`;
    expect(() => ruleSetFromYaml({ 'test.yaml': yaml })).toThrow(/test\.yaml:\d+:\d+ accessibility rules are reminders only.*defaults\.when raises every rule to warning/);
  });

  it('accepts a when that switches an accessibility rule off', () => {
    const yaml = rule('capitals', 'min_words: 3\nwhen:\n  - {if: {account: personal}, severity: "off"}');
    expect(excerpts(yaml, 'PLEASE READ THIS', { account: 'personal' })).toEqual([]);
    expect(excerpts(yaml, 'PLEASE READ THIS', { account: 'corporate' })).toEqual(['PLEASE READ THIS']);
  });
});

describe('the built-in platform limits', () => {
  const lexicon = path.join(PROJECT_ROOT, '..', 'shared', 'corpora', 'export-formats', 'bluesky-lexicons', 'app.bsky.feed.post.json');

  it.skipIf(!existsSync(lexicon))("give Bluesky the maxGraphemes of Bluesky's own post schema", () => {
    const schema = JSON.parse(readFileSync(lexicon, 'utf8')) as { defs: { main: { record: { properties: { text: { maxGraphemes: number } } } } } };
    const rule = builtinRuleSet().rules.find((candidate) => candidate.kind === 'length');
    const limits = rule?.params.limits as Record<string, { max: number; count: string }>;
    expect(limits.bluesky).toMatchObject({ max: schema.defs.main.record.properties.text.maxGraphemes, count: 'graphemes' });
  });
});
