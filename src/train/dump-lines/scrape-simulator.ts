/**
 * A scrape simulator: a news article (title, section, text) wrapped as an outlet's page would be
 * dumped to text, with every line's role known by construction. Templates differ in what they
 * put around the article (outlet name, skip links, menus, cookie banners, breadcrumbs, date lines
 * in several formats, bylines, captions, share prompts, related links, footers) and in how the
 * dumper lays lists out. Templates 0-5 train the line classifier; 6 and 7 are kept apart to
 * measure headline, date and sections on layouts the model never saw (`lede eval scrape-sim`).
 */
import { join } from 'node:path';
import type { LineRole } from '../../clean/index.js';
import { type NewsRecord, readJsonl } from '../../eval/news-data.js';
import { seededRandom } from '../../nlp/index.js';

/** The articles' order is fixed apart from the training seed, so training and `lede eval scrape-sim` split them the same way. */
export const SIMULATOR_SEED = 7;

export interface SimArticle {
  title: string;
  section: string;
  text: string;
}

export interface SimulatedDump {
  text: string;
  /** The role of each non-blank line. */
  roles: LineRole[];
  /** Gold fields: the headline, the publication day (YYYY-MM-DD) and the section the breadcrumb names. */
  headline: string;
  day: string;
  section: string;
  /** Whether the page shows a breadcrumb naming the section. */
  sectionShown: boolean;
  outlet: string;
}

export const TRAIN_TEMPLATES = [0, 1, 2, 3, 4, 5];
export const HELD_APART_TEMPLATES = [6, 7];

const PLACES = ['Eastbank', 'Northvale', 'Riverton', 'Harbour', 'Lakeside', 'Westmoor', 'Kingsford', 'Ashby'];
const KINDS = ['Times', 'Herald', 'Courier', 'Post', 'Gazette', 'Chronicle', 'Observer', 'Daily'];
const SECTIONS = ['World', 'Business', 'Politics', 'Tech', 'Sport', 'Culture', 'Opinion', 'Science', 'Health'];
const CONSENT = [
  'This site uses cookies. By continuing to browse the site you are agreeing to our use of cookies.',
  'We use cookies to improve your experience. Accept all cookies',
  'We and our partners store and access information on your device. Manage preferences',
];
const SHARE = ['Share this article', 'Share on Facebook', 'Share on Twitter', 'Email this story', 'Copy link'];
const PROMPTS = ['Sign up for our morning newsletter', 'Subscribe now for unlimited access', 'Download our app'];
const FOOTER = ['Privacy policy', 'Terms of use', 'Contact us', 'About us', 'Advertise with us', 'Cookie settings'];
const NAMES = ['Anna Berg', 'James Okafor', 'Maria Lopez', 'Tom Chen', 'Priya Nair', 'Lukas Weber'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October'];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** A publication day and how each template writes it. */
function dateLine(template: number, year: number, month: number, day: number, random: Random): string {
  const m = MONTHS[month - 1] as string;
  const hh = String(6 + Math.floor(random() * 14)).padStart(2, '0');
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (template % 8) {
    case 0:
      return `Published ${day} ${m} ${year}`;
    case 1:
      return `${m} ${day}, ${year} ${hh}:15`;
    case 2:
      return `${pad(day)}.${pad(month)}.${year} - ${hh}:40`;
    case 3:
      return `Updated: ${year}-${pad(month)}-${pad(day)} ${hh}:05`;
    case 4:
      return `${m.slice(0, 3)} ${day}, ${year}`;
    case 5:
      return `Posted on ${day} ${m} ${year} at ${hh}:20`;
    case 6:
      return `${day} ${m} ${year}, ${hh}:30 GMT`;
    default:
      return `Last updated ${m} ${day}, ${year}`;
  }
}

interface Builder {
  lines: string[];
  /** One per non-blank line. */
  roles: LineRole[];
  bullet: string;
  blank: boolean;
}

function emit(builder: Builder, text: string, role: LineRole, list = false): void {
  builder.lines.push(list ? `${builder.bullet}${text}` : text);
  builder.roles.push(role);
  if (builder.blank && !list) builder.lines.push('');
}

/** One simulated dump of `article` under `template`; `related` gives other titles for link lists. */
export function simulateDump(
  article: SimArticle,
  template: number,
  related: readonly string[],
  random: Random,
): SimulatedDump {
  const outlet = `${PLACES[template % PLACES.length]} ${KINDS[(template * 3 + 1) % KINDS.length]}`;
  const bullets = ['  • ', '   * ', '', '    * ', '  - ', '', '  o ', '   + '];
  // The template fixes the dumper's marks and the date format; what the page puts where varies by page.
  const chance = (p: number) => random() < p;
  const builder: Builder = { lines: [], roles: [], bullet: bullets[template % 8] as string, blank: chance(0.6) };
  const year = 2015 + Math.floor(random() * 9);
  const month = 1 + Math.floor(random() * 10);
  const day = 1 + Math.floor(random() * 28);
  const section = article.section.charAt(0).toUpperCase() + article.section.slice(1);
  const consent = pick(random, CONSENT);
  const consentOnTop = chance(0.5);
  if (chance(0.5)) emit(builder, 'Skip to main content', 'boilerplate');
  if (chance(0.8)) emit(builder, outlet, 'boilerplate');
  if (consentOnTop) emit(builder, consent, 'boilerplate');
  if (chance(0.7)) emit(builder, pick(random, ['Menu', 'Search', 'Sections', 'Subscribe', 'Log in']), 'boilerplate');
  for (const name of SECTIONS.slice(0, 2 + Math.floor(random() * 7))) emit(builder, name, 'boilerplate', true);
  const sectionShown = chance(0.8);
  if (sectionShown) {
    const separator = [' › ', ' / ', ' > ', ' | '][template % 4] as string;
    emit(builder, ['Home', section].join(separator), 'boilerplate');
  }
  const date = dateLine(template, year, month, day, random);
  const byline = `By ${pick(random, NAMES)}`;
  const dateFirst = chance(0.3);
  if (dateFirst) emit(builder, date, 'meta');
  emit(builder, article.title, 'headline');
  const bylineFirst = chance(0.5);
  if (bylineFirst) emit(builder, byline, 'meta');
  if (!dateFirst) emit(builder, date, 'meta');
  if (chance(0.3)) emit(builder, `${article.title.split(' ').slice(0, 5).join(' ')} (Photo: Reuters)`, 'caption');
  if (chance(0.6))
    for (const share of SHARE.slice(0, 1 + Math.floor(random() * 4))) emit(builder, share, 'boilerplate', true);
  const paragraphs = article.text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim());
  paragraphs.filter(Boolean).forEach((paragraph, k) => {
    emit(builder, paragraph, 'body');
    if (k === 2 && chance(0.3)) emit(builder, 'Advertisement', 'boilerplate');
  });
  if (!bylineFirst && chance(0.5)) emit(builder, byline, 'meta');
  if (chance(0.7)) emit(builder, pick(random, PROMPTS), 'boilerplate');
  if (chance(0.7)) {
    emit(builder, pick(random, ['Related stories', 'More from this section', 'Read more', 'Most read']), 'boilerplate');
    for (const title of related.slice(0, 2 + Math.floor(random() * 4))) emit(builder, title, 'boilerplate', true);
  }
  if (!consentOnTop && chance(0.5)) emit(builder, consent, 'boilerplate');
  for (const link of FOOTER.slice(0, 2 + Math.floor(random() * 5))) emit(builder, link, 'boilerplate', true);
  if (chance(0.8)) emit(builder, `© ${year} ${outlet}. All rights reserved.`, 'boilerplate');
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    text: builder.lines.join('\n'),
    roles: builder.roles,
    headline: article.title,
    day: `${year}-${pad(month)}-${pad(day)}`,
    section,
    sectionShown,
    outlet,
  };
}

/**
 * The article as a clean text file: its title, then its paragraphs (`paragraphs` of them), as a
 * reader of text files or JSONL gets it: nothing to drop, so the classifier learns that short
 * clean texts are all article.
 */
export function plainDump(article: SimArticle, paragraphs: number): { text: string; roles: LineRole[] } {
  const body = article.text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .slice(0, paragraphs);
  return { text: [article.title, ...body].join('\n\n'), roles: ['headline', ...body.map((): LineRole => 'body')] };
}

/** BBC articles in the order the simulator takes them: a seeded shuffle, the same every run. */
export function simulatorArticles(data: string): NewsRecord[] {
  const records = readJsonl<NewsRecord>(join(data, 'news', 'bbc', 'bbc.jsonl.gz')).filter((r) => r.title);
  const random = seededRandom(SIMULATOR_SEED);
  for (let i = records.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [records[i], records[j]] = [records[j] as NewsRecord, records[i] as NewsRecord];
  }
  return records;
}

/** How many shuffled BBC articles train (the rest, from the end of the order, are left to `lede eval scrape-sim`). */
export const SIMULATED_TRAIN = 800;
