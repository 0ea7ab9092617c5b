// Synthetic social media posts for the benchmark: the mix a comms team's queue might hold (mostly
// harmless news and thanks, some risky drafts), generated from a fixed seed so every run
// measures the same text. Every name, place and number is invented.

/** A small, fast, seeded pseudo-random generator (mulberry32), so runs are repeatable. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SLOTS: Record<string, readonly string[]> = {
  team: ['Ward 7', 'the maternity team', 'our A&E nurses', 'the stroke unit', 'Pharmacy', 'the children’s ward', 'our porters', 'ICU'],
  thing: ['a brilliant night shift', 'their CQC visit', 'the new discharge lounge', 'a record flu jab week', 'the charity bake sale', 'Nurses’ Day'],
  name: ['Patel', 'Okafor', 'Smith', 'Nowak', 'Evans', 'Ahmed', 'Murphy', 'Lewis'],
  place: ['bay 3', 'bed 12', 'side room 2', 'Ward 9', 'resus'],
  mood: ['shattered', 'so proud', 'exhausted but happy', 'fuming', 'buzzing'],
  emoji: ['💙', '👏', '🎉', '😴', '🙌', ''],
  number: ['943 476 5919', '401 023 2137', '999 000 0026'],
};

const CLEAN_TEMPLATES = [
  'Huge thanks to {team} for {thing} {emoji} #NHS',
  'Flu jabs are available for all staff this week in the main atrium. Book via the intranet. {emoji}',
  '{mood} after {thing}, but what a team {team} are {emoji}',
  'Reminder: our hospital radio is looking for volunteers. Drop in on Thursday afternoons.',
  'Visiting hours on {team} change from Monday: 2pm to 8pm. Thank you for your patience.',
  'Proud to see {team} shortlisted for a national award for {thing}! {emoji}',
  'Another long day but we got there. Time for tea and bed. {emoji}',
  'Join us at the open day on Saturday to find out about careers in nursing and midwifery.',
];
const RISKY_TEMPLATES = [
  'Mrs {name} in {place} made my day, 94 years young {emoji}',
  'Can anyone read this referral?? NHS no {number} 😂',
  'Dr {name} is a total liability, everyone on {team} knows it',
  'What a f*cking shift. Management couldn’t run a bath {emoji}',
  'My colleague {name} is off sick with stress again, shocker',
];

/** `count` posts from the seed; about one in five is risky. */
export function syntheticPosts(count: number, seed = 20_260_501): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const posts: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const template = random() < 0.2 ? pick(RISKY_TEMPLATES) : pick(CLEAN_TEMPLATES);
    posts.push(template.replace(/\{(\w+)\}/g, (_slot, name: string) => pick(SLOTS[name] ?? [''])).trim());
  }
  return posts;
}

/** One post of exactly `length` characters, made of synthetic posts run together as paragraphs. */
export function longPost(length: number): string {
  let text = '';
  for (const post of syntheticPosts(Math.ceil(length / 40))) {
    text += `${post}\n\n`;
    if (text.length >= length) break;
  }
  return text.slice(0, length);
}
