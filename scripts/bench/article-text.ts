/**
 * Headlines, standfirsts, captions and body paragraphs for generated articles, built from the
 * vocabulary in corpus-words.ts. Sentences are varied enough that Markdown parsing does real
 * work: curly quotes, emphasis, strong text, links to other articles and to other sites.
 */
import {
  ACTORS,
  ADJECTIVES,
  AGENCIES,
  CLAUSES,
  EXTERNAL_SITES,
  FIRST_NAMES,
  LAST_NAMES,
  NOUNS,
  OBJECTS,
  OPINION_CLAIMS,
  OPINION_TOPICS,
  PLACES,
  QUALIFIERS,
  QUOTED,
  VERBS,
} from './corpus-words.ts';
import type { Random } from './random.ts';

const PAIRS = [
  'Trade & investment',
  'Water & energy',
  'Food & farming',
  'Health & aid',
  'Arts & culture',
  'Science & technology',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const IMAGE_SIZES = [
  [1200, 675],
  [1200, 675],
  [1920, 1080],
  [1200, 800],
  [800, 533],
  [1600, 900],
] as const;

/**
 * The corpus's photos: one drawing per size, in the content folder's `images/`, so that a
 * build needs no network (a photo named by URL is downloaded, decision 012) and measures the
 * pipeline, not photo encoding (`npm run bench:photos` measures that).
 */
export const corpusPhotos: readonly { file: string; svg: string }[] = [
  ...new Set(IMAGE_SIZES.map(([width, height]) => `${width}x${height}`)),
].map((size) => {
  const [width, height] = size.split('x');
  return {
    file: `photo-${size}.svg`,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#5b6f7a"/><circle cx="30%" cy="40%" r="12%" fill="#d9c39a"/></svg>\n`,
  };
});

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const lower = (text: string) =>
  text.startsWith('The ') ? `the ${text.slice(4)}` : text.toLowerCase();
/** Actors that read well after "many" or "one of the". */
const GROUPS = ACTORS.filter((actor) => !actor.startsWith('The ')).map((actor) =>
  actor.toLowerCase(),
);

export function personName(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

export function newsHeadline(random: Random): string {
  const place = random.pick(PLACES);
  const actor = random.pick(ACTORS);
  const verb = random.pick(VERBS);
  const object = random.pick(OBJECTS);
  const kind = random.next();
  if (kind < 0.15) {
    const other = random.pick(PLACES.filter((candidate) => candidate !== place));
    return `${capitalise(place)} and ${other} strike ‘${random.pick(QUOTED)}’ deal on ${object} ${random.pick(QUALIFIERS)}`;
  }
  if (kind < 0.25) return `${random.pick(PAIRS)}: ${actor} in ${place} ${verb} ${object}`;
  if (kind < 0.32) return `Explainer: ${capitalise(place)}’s approach to ${object}`;
  if (kind < 0.45) return `${actor} warn of ‘${random.pick(QUOTED)}’ ${object} in ${place}`;
  return `${actor} in ${place} ${verb} ${object} ${random.pick(QUALIFIERS)}`;
}

export function opinionHeadline(random: Random): string {
  return `${random.pick(OPINION_TOPICS)} ${random.pick(OPINION_CLAIMS)}`;
}

export function standfirst(random: Random, authors: readonly string[]): string {
  const sentence = `${random.pick(ACTORS)} in ${random.pick(PLACES)} ${random.pick(VERBS)} ${random.pick(OBJECTS)} ${random.pick(QUALIFIERS)}, ${random.pick(CLAUSES)}.`;
  const [author] = authors;
  return author === undefined
    ? sentence
    : `${sentence.slice(0, -1)}, and that is only the start, argues ${author}.`;
}

export type HeroImage = {
  src: string;
  alt: string;
  width: number;
  height: number;
  caption: string;
};

export function heroImage(random: Random, published: Date): HeroImage {
  const [width, height] = random.pick(IMAGE_SIZES);
  const place = random.pick(PLACES);
  const scene = `${random.pick(ACTORS)} gather in ${place}`;
  const day = `${MONTHS[published.getUTCMonth()] ?? ''} ${published.getUTCDate()}, ${published.getUTCFullYear()}`;
  return {
    src: `photo-${width}x${height}.svg`,
    alt: `Photograph of ${scene.charAt(0).toLowerCase()}${scene.slice(1)}`,
    width,
    height,
    caption: `${scene} on ${day} [${personName(random)}/${random.pick(AGENCIES)}]`,
  };
}

/** An article another one may link to: its slug and its headline, which READ links repeat. */
export type LinkTarget = { slug: string; title: string };

type Decorate = (phrase: string) => string;

/** Occasionally turns a phrase into a link, emphasis or strong text. */
function decorator(random: Random, pickArticle: () => LinkTarget | undefined): Decorate {
  return (phrase) => {
    const roll = random.next();
    if (roll < 0.06) {
      const target = pickArticle();
      if (target) return `[${phrase}](${target.slug})`;
    }
    if (roll < 0.09) {
      const path = phrase.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      return `[${phrase}](${random.pick(EXTERNAL_SITES)}${path}-${random.int(2015, 2024)})`;
    }
    if (roll < 0.13) return `*${phrase}*`;
    if (roll < 0.15) return `**${phrase}**`;
    return phrase;
  };
}

function sentence(random: Random, decorate: Decorate): string {
  const actor = random.pick(ACTORS);
  const other = random.pick(GROUPS);
  const place = random.pick(PLACES);
  const object = decorate(random.pick(OBJECTS));
  const noun = random.pick(NOUNS);
  const adj = decorate(random.pick(ADJECTIVES));
  const clause = random.pick(CLAUSES);
  switch (random.int(0, 9)) {
    case 0:
      return `${actor} in ${place} said ${noun} would ${random.pick(VERBS)} ${object} ${random.pick(QUALIFIERS)}, ${clause}.`;
    case 1:
      return `Progress on ${object} has been ${adj}, and many ${other} in ${place} say they are still waiting for ${noun} to deliver, ${clause}.`;
    case 2:
      return `“We cannot keep waiting for ${object},” one of the ${other} said, adding that ${noun} was ${adj} but had come too late for many families.`;
    case 3:
      return `Since ${random.int(2009, 2022)}, ${place} has relied on ${object}, and ${other} say the cost of doing so has become ${adj}.`;
    case 4:
      return `In ${place}, ${lower(actor)} ${random.pick(VERBS)} ${object}, while ${other} in ${random.pick(PLACES)} ${random.pick(VERBS)} ${random.pick(OBJECTS)}.`;
    case 5:
      return `Figures published in ${random.int(2015, 2024)} show ${random.int(3, 60)} per cent more spending on ${object} than the year before, ${clause}.`;
    case 6:
      return `Critics argue that ${noun} does little to address ${object} ${random.pick(QUALIFIERS)}, and that ${other} have been left out of the discussion.`;
    case 7:
      return `${actor} also ${random.pick(VERBS)} ${object}, a move that ${other} described as ${adj} but necessary.`;
    case 8:
      return `The ${random.pick(['first', 'second', 'latest', 'final'])} phase of ${noun} is expected to cover ${object} in ${place} and the surrounding areas.`;
    default:
      return `It is not yet clear how ${noun} will be paid for, ${clause}, or whether ${other} will accept ${object} ${random.pick(QUALIFIERS)}.`;
  }
}

const wordCount = (text: string) => text.split(' ').length;

function paragraph(random: Random, decorate: Decorate, words: number): string {
  const sentences: string[] = [];
  let total = 0;
  while (total < words - 10 || sentences.length === 0) {
    const next = sentence(random, decorate);
    sentences.push(next);
    total += wordCount(next);
  }
  return sentences.join(' ');
}

/**
 * The Markdown body: 5 to 12 paragraphs of about 600 to 900 words in all, now and then a
 * subheading or a quote, and one or two READ links to other articles, with their headlines.
 */
export function articleBody(
  random: Random,
  pickArticle: () => LinkTarget | undefined,
  readTargets: readonly LinkTarget[],
): string {
  const decorate = decorator(random, pickArticle);
  const paragraphs = random.int(5, 12);
  const words = random.int(600, 900);
  const blocks: string[] = [];
  for (let index = 0; index < paragraphs; index++) {
    if (index > 1 && random.chance(0.06)) {
      blocks.push(`## ${capitalise(random.pick(OBJECTS))} ${random.pick(QUALIFIERS)}`);
    }
    if (index > 1 && random.chance(0.05)) {
      blocks.push(`> ${sentence(random, (phrase) => phrase)}`);
    }
    blocks.push(paragraph(random, decorate, Math.round(words / paragraphs)));
  }
  // READ links stand between paragraphs, never first, as the editors place them.
  readTargets.forEach((target, index) => {
    const at = Math.min(blocks.length, 2 + index * 3 + random.int(0, 2));
    blocks.splice(at, 0, `READ: [${target.title}](${target.slug})`);
  });
  return blocks.join('\n\n');
}
