// The identifier rules of the national pack, format by format: valid and invalid forms,
// separators, word boundaries, cues and the posts that must stay clean (issue #3).
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint.js';
import { compileRuleFiles } from '../src/rules/compile.js';
import { DEFAULT_CONTEXT, type Finding, type PostContext } from '../src/types.js';
import { builtinRuleSet, builtinYamlFiles } from './helpers/project.js';

const ruleSet = builtinRuleSet();

function found(text: string, context: Partial<PostContext> = {}): Finding[] {
  return lint(text, ruleSet, { ...DEFAULT_CONTEXT, ...context });
}

/** [rule id, excerpt] of every warning and error. */
function flagged(text: string, context: Partial<PostContext> = {}): Array<[string, string]> {
  return found(text, context)
    .filter((finding) => finding.severity !== 'info')
    .map((finding) => [finding.ruleId, finding.excerpt]);
}

describe('health numbers', () => {
  it.each([
    ['space', 'NHS no 999 000 0026 please'],
    ['hyphen', 'NHS no 999-000-0026 please'],
    ['dot', 'NHS no 999.000.0026 please'],
    ['no separator', 'NHS no 9990000026 please'],
    ['no-break space', 'NHS no 999\u00A0000\u00A00026 please'],
    ['zero-width space', 'NHS no 999\u200B000\u200B0026 please'],
  ])('finds a valid NHS number written with %s', (_name, text) => {
    const [finding] = found(text).filter((candidate) => candidate.ruleId === 'nhs-number');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain('is a valid NHS number');
  });

  it('finds one with no cue at all, since the check digit is strong evidence', () => {
    expect(flagged('can anyone read this? 999 000 0018')).toEqual([['nhs-number', '999 000 0018']]);
  });

  it('names the scheme: Scottish CHI and Northern Ireland H&C numbers', () => {
    expect(found('CHI 010190 4568 back from CT')[0]?.message).toContain('Scottish CHI number');
    expect(found('H&C 320 123 4567 on the list')[0]?.message).toContain('Northern Ireland H&C number');
  });

  it.each([
    ['inside a longer run of digits', 'ref 99900000261 and 1999 000 0026'],
    ['a UK landline', 'Call 0113 496 0000 to book'],
    ['a mobile in international form', 'Text +44 7700 900123'],
    ['a repeated-digit dummy', 'NHS number 2222222222'],
    ['a number that fails the check with no health cue', 'Order 999 000 0027 has shipped'],
    ['an order number that happens to pass the check', 'Your order number 0123456789 has been dispatched'],
  ])('does not take %s for a health number', (_name, text) => {
    expect(flagged(text).filter(([rule]) => rule === 'nhs-number' || rule === 'health-number-mistyped')).toEqual([]);
  });

  it('warns on a number that fails the check digit next to a health cue', () => {
    const [finding] = found('NHS no 999 000 0027, anyone know why it will not scan?');
    expect(finding).toMatchObject({ ruleId: 'health-number-mistyped', severity: 'warning', excerpt: '999 000 0027' });
    expect(finding?.message).toContain('mistyped health number');
  });
});

describe('other direct identifiers', () => {
  it('finds hospital numbers after their cues', () => {
    expect(flagged('Anyone know why MRN RX1234567 will not merge?').map(([rule]) => rule)).toContain('hospital-number');
    expect(flagged('hosp no 0012345 is back').map(([rule]) => rule)).toContain('hospital-number');
    expect(flagged('Case notes for B448213 are missing').map(([rule]) => rule)).toContain('hospital-number');
    expect(flagged('Our hospital has 1,200 beds')).toEqual([]);
  });

  it("finds a trust's own hospital-number format, added to the list, without a cue", () => {
    const { ruleSet: local, problems } = compileRuleFiles(builtinYamlFiles(), new Map([['hospital-number-formats', ['RXH\\d{7}']]]));
    expect(problems).toEqual([]);
    const findings = lint('Can someone chase the bloods for RXH1234567 please', local, DEFAULT_CONTEXT);
    expect(findings.map((finding) => [finding.ruleId, finding.excerpt])).toEqual([['hospital-number', 'RXH1234567']]);
    expect(flagged('Can someone chase the bloods for RXH1234567 please')).toEqual([]);
  });

  it.each([
    ['DOB 12/03/1951', 'DOB 12/03/1951'],
    ['d.o.b. 3.3.51 and sharp as a tack', 'd.o.b. 3.3.51'],
    ['born 3rd March 1931, still sharp', 'born 3rd March 1931'],
    ['date of birth: 29/02/1948', 'date of birth: 29/02/1948'],
  ])('finds a date of birth: %s', (text, excerpt) => {
    expect(flagged(text)).toContainEqual(['date-of-birth', excerpt]);
  });

  it('ignores dates that are not birth dates, or not real dates', () => {
    expect(flagged('Our clinic moves on 12/03/2029')).toEqual([]);
    expect(flagged('DOB 31/02/1950')).toEqual([]);
    expect(flagged('Register with your NHS number and date of birth')).toEqual([]);
  });

  it('finds exact ages of 90 and over in a care context, but not ages in general', () => {
    expect(flagged('Our 97-year-old in bay 3 beat me at cards')).toContainEqual(['age-over-90', '97-year-old']);
    expect(flagged('101 today and still beating the physios at dominoes on the rehab unit')).toContainEqual(['age-over-90', '101 today']);
    expect(flagged('Patients over 90 are more at risk in a heatwave')).toEqual([]);
    expect(flagged('My nan is 94 today and still drives')).toEqual([]);
  });

  it('finds full postcodes in a post about a patient, by the Royal Mail rules', () => {
    expect(flagged('Lady from LS6 2QT admitted overnight')).toContainEqual(['patient-postcode', 'LS6 2QT']);
    expect(flagged('Lady from QA1 1AA admitted overnight').map(([rule]) => rule)).not.toContain('patient-postcode');
    expect(flagged('Visitors to Ward 7: park at LS9 7TF by the main entrance')).toEqual([]);
  });

  it("finds a patient's or relative's phone number, but not published or emergency numbers", () => {
    expect(flagged("Her daughter's number is 07700 900123 if anyone can get through")).toContainEqual(['phone-number-of-person', '07700 900123']);
    expect(flagged('Ring Dave on 07700 900123, he found her')).toEqual([['phone-number-of-person', '07700 900123']]);
    expect(flagged("Kev's new number is 07700 900321, save it")).toEqual([['personal-mobile-number', '07700 900321']]);
    for (const clean of ['Main reception: 01632 960 000', 'Call 999 in an emergency, or NHS 111', 'Get your jab: call 119', 'Samaritans are there day or night on 116 123', 'Text us on 07700 900456 to rebook']) {
      expect(flagged(clean), clean).toEqual([]);
    }
  });

  it('leaves numbers the trust publishes alone (allowlist in configuration)', () => {
    expect(flagged('Ring the ward manager on 07700 900999', { allow: ['07700 900999'] })).toEqual([]);
  });

  it('finds personal email addresses, not organisational ones', () => {
    expect(flagged('the patient emailed me from dave.b@hotmail.example again')).toContainEqual(['email-address', 'dave.b@hotmail.example']);
    expect(flagged('Send your CV to recruitment.team@nhs.net')).toEqual([]);
    expect(flagged('Questions? Email us at events@example.org')).toEqual([]);
  });

  it('finds National Insurance numbers by the prefix rules, and unissued ones named as NI numbers', () => {
    expect(flagged('Found a form with NI number JT 48 29 17 B on it')).toContainEqual(['national-insurance-number', 'JT 48 29 17 B']);
    expect(flagged('She read out her NI number QQ 12 34 56 C')).toEqual([['national-insurance-number-unissued', 'QQ 12 34 56 C']]);
    expect(flagged('Code ZZ 12 34 56 A on the box')).toEqual([]);
  });

  it('finds @mentions of patients', () => {
    expect(flagged('@jo_smith99 was in resus again last night').map(([rule]) => rule)).toContain('patient-social-handle');
    expect(flagged('Shout out to @Ward7Team for the best handover teaching')).toEqual([]);
  });
});

describe('the posts issue #3 says must stay clean', () => {
  it.each([
    'Register for the NHS App with your NHS number and date of birth',
    'For urgent advice use NHS 111 online',
    'Main reception: 01632 960 000',
    'Patients rated our outpatient clinics 4.8 out of 5 last month',
    'Meet the Ward 12 team, our Team of the Year',
    'We saw 412 people in A&E on Saturday',
    'Had my own knee op here today, thank you to the day-case team',
    "Congratulations to Staff Nurse Ben Carter on 25 years' service",
    'Welcome Dr Hannah Okoro, our new consultant anaesthetist',
    'The Mayor of Wakefield opened our new hospital garden this morning',
  ])('%s', (text) => {
    expect(flagged(text)).toEqual([]);
  });
});
