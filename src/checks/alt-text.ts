// The `alt-text` check kind: images attached to the post (its `images` context) without a
// description. A screen reader says only "image", so a blind reader misses what it shows. An
// empty or blank description counts as missing. The post's text has no place for an image, so
// each finding is an empty range at the very start of the post's text.
import type { Check, CheckKind, Match } from './kind.js';

const checkAltText: Check = (doc) => {
  const images = doc.context.images ?? [];
  const matches: Match[] = [];
  for (const [index, image] of images.entries()) {
    if ((image.alt ?? '').trim() !== '') continue;
    matches.push({ start: 0, end: 0, data: { image: String(index + 1), images: String(images.length) } });
  }
  return matches;
};

export const altTextKind: CheckKind = {
  name: 'alt-text',
  description:
    'Flags each attached image (the post\'s `images` context) with no alt text, or only blank alt text; reported at the start of the post. {{image}} is the image\'s place in the list and {{images}} how many there are.',
  properties: {},
  required: [],
  placeholders: () => ['image', 'images'],
  usesNlp: () => false,
  compile: () => checkAltText,
};
