import type { OffsetMap } from '../../model/index.js';
import { type DocMeta, emptyMeta, type Message, TextBuilder } from '../../model/index.js';
import { isCaptionLine, isFooterLine, outletFromLine, parseBreadcrumb, parseTagRun } from '../boilerplate/index.js';
import { forEachCleanPiece, type Line, normaliseLine, splitLines, wordCount } from '../lines.js';
import {
  bestScored,
  looksLikeDateHeader,
  mergeHeaderDates,
  type ParsedDateLine,
  parseDateLine,
  type ScoredDate,
  scoreDumpDates,
} from '../metadata/index.js';
import { chooseHeadline, HEADLINE_WINDOW } from './headline.js';
import { type ClassifiedLine, classifyLines, type LineModel, type LineRole, shippedLineModel } from './line-model.js';

export interface CleanResult {
  text: string;
  origin: OffsetMap;
  meta: DocMeta;
  messages: Message[];
}

export interface TextDumpOptions {
  /** Normalised lines learnt as boilerplate across the corpus (`src/store/sqlite/learnt-lines.ts` counts them). */
  knownBoilerplate?: ReadonlySet<string>;
  /** A headline known from elsewhere (a JSONL title): the text then has a headline line only if it repeats it. */
  headline?: string;
  /** Receives every date of a dump without a date header, scored, with its features: for learning the weights. */
  onDateCandidates?: (candidates: ScoredDate[]) => void;
  /** The line classifier; the shipped one by default, null for the line rules alone. */
  lineModel?: LineModel | null;
}

type Role =
  | 'blank'
  | 'date'
  | 'breadcrumb'
  | 'tags'
  | 'headline'
  | 'caption'
  | 'subhead'
  | 'body'
  | 'footer'
  | 'learnt'
  | 'dropped';

/** Abbreviations that may end a subhead without ending a sentence (`400 events scheduled for assassination anniv.`). */
const HEADING_ABBREVIATIONS = /\b(?:anniv|govt|dept|intl|natl|assn|vs|etc)\.$/i;
/** The end of a sentence or clause, in scripts with spaces and in Chinese and Japanese (full-width stops and commas). */
const SENTENCE_END = /[.!?:;,。！？：；，、]["'”’»)\]」』）]*$/u;
/** The end of a sentence, in scripts with and without spaces. */
const SENTENCE_STOP = /[.!?。！？]["'”’»)\]」』）]*$/u;

/**
 * Cleans a plain-text scrape dump from its lines alone: date headers, breadcrumbs and glued tag
 * runs above the headline; captions; subheads inside the body; footers below it. Lines learnt as
 * boilerplate across the corpus are dropped wherever they stand. Without a known title, the line
 * classifier (line-model.ts) drops what is not the article (menus, link lists, banners, bylines)
 * and the headline is chosen among the lines above the body (headline.ts); the rules above still
 * read the structure they recognise, and a photo credit or a subhead's shape outranks the classifier.
 */
/**
 * A wire service's sign-off run on after the last sentence (`... the sources said. REUTER`, `. AP`):
 * one or two words in capitals and nothing after them, which close the copy and say nothing.
 */
const WIRE_SIGN_OFF = /(?<=[.!?"”’])\s+\p{Lu}{2,}(?:\s\p{Lu}{2,})?\s*$/u;

export function cleanTextDump(raw: string, options: TextDumpOptions = {}): CleanResult {
  const lines = splitLines(raw);
  // Normalised once: every rule below reads these, and long paragraphs make normalising costly.
  const norm = lines.map((line) => normaliseLine(line.text));
  const roles: Role[] = norm.map((text) => (text ? 'body' : 'blank'));
  const meta = emptyMeta();
  const messages: Message[] = [];
  const learnt = options.knownBoilerplate;
  const dates: ParsedDateLine[] = [];

  if (learnt)
    norm.forEach((text, i) => {
      if (roles[i] !== 'blank' && learnt.has(text)) roles[i] = 'learnt';
    });

  // Above the headline: date headers, breadcrumbs, tag runs, until the first line that is none of these.
  let i = nextContent(roles, 0);
  while (i < lines.length) {
    const text = norm[i] as string;
    const date = parseDateLine(text);
    const crumbs = date ? undefined : parseBreadcrumb(text);
    const tags = date || crumbs ? undefined : parseTagRun(text);
    if (date) {
      roles[i] = 'date';
      dates.push(date);
    } else if (crumbs) {
      roles[i] = 'breadcrumb';
      meta.sections.push(...crumbs);
    } else if (tags) {
      roles[i] = 'tags';
      meta.sections.push(...tags);
    } else if (roles[i] === 'learnt') {
      // a learnt line above the headline is skipped like a breadcrumb
    } else if (looksLikeDateHeader(text)) {
      roles[i] = 'date';
      messages.push({
        severity: 'warning',
        text: 'Date header could not be parsed',
        ruleId: 'dateline-unparsed',
        start: (lines[i] as Line).start,
        end: (lines[i] as Line).end,
        actual: text,
      });
    } else break;
    i = nextContent(roles, i + 1);
  }
  const known = options.headline === undefined ? undefined : normaliseLine(options.headline);
  if (known !== undefined) meta.headline = known;
  const model = options.lineModel === undefined ? shippedLineModel() : options.lineModel;
  // A text given with its title is the article itself (a JSONL record's text): nothing to classify away.
  const classified = model && known === undefined ? classifyLines(raw, model) : undefined;
  const learned: (LineRole | undefined)[] = new Array(lines.length);
  for (const line of classified ?? []) learned[line.index] = line.role;
  if (classified) {
    i = markLearnedHeadline(classified, i, roles, meta, model?.headline ?? new Map());
  } else if (i < lines.length && (known === undefined || norm[i] === known)) {
    roles[i] = 'headline';
    meta.headline = norm[i] as string;
    i = nextContent(roles, i + 1);
  }

  // Between the headline and the body: captions (a photo credit, or a line that is not a sentence);
  // what the classifier calls a date, byline or boilerplate line there is dropped.
  while (i < lines.length) {
    const text = norm[i] as string;
    // A photo credit marks a caption whatever the classifier says: it is the surer sign.
    if ((learned[i] === 'boilerplate' || learned[i] === 'meta') && !isCaptionLine(text)) {
      roles[i] = 'dropped';
      i = nextContent(roles, i + 1);
      continue;
    }
    // Without a photo credit, only a scrape dump's line under its own headline is taken for a caption:
    // a body supplied with its title (JSONL) often opens with an unpunctuated lead paragraph.
    const unpunctuated = known === undefined && !SENTENCE_END.test(text) && nextContent(roles, i + 1) < lines.length;
    if (isCaptionLine(text) || unpunctuated) {
      roles[i] = 'caption';
      i = nextContent(roles, i + 1);
    } else break;
  }

  // The classifier decides which of the remaining lines are not the article's.
  for (let k = i; k < lines.length; k++) {
    if (roles[k] !== 'body' || isCaptionLine(norm[k] as string)) continue;
    if (learned[k] === 'boilerplate' || learned[k] === 'meta' || learned[k] === 'headline') roles[k] = 'dropped';
    // A heading between body paragraphs is a subhead by its shape; the classifier's caption is for the rest.
    else if (learned[k] === 'caption' && !(isSubhead(norm[k] as string) && hasBodyAfter(roles, k)))
      roles[k] = 'caption';
  }
  markFooter(norm, roles);

  // Inside the body: captions with a credit anywhere, and short heading lines between body paragraphs.
  let bodySeen = false;
  for (let k = 0; k < lines.length; k++) {
    if (roles[k] !== 'body') continue;
    const text = norm[k] as string;
    if (isCaptionLine(text)) roles[k] = 'caption';
    else if (bodySeen && isSubhead(text) && hasBodyAfter(roles, k)) roles[k] = 'subhead';
    else bodySeen = true;
  }

  const builder = new TextBuilder();
  const lastBody = roles.lastIndexOf('body');
  lines.forEach((line, k) => {
    const role = roles[k] as Role;
    const text = norm[k] as string;
    if (
      role === 'date' ||
      role === 'breadcrumb' ||
      role === 'tags' ||
      role === 'footer' ||
      role === 'learnt' ||
      role === 'dropped'
    ) {
      meta.boilerplate.push(line.text);
      const outlet = role === 'footer' || role === 'learnt' || role === 'dropped' ? outletFromLine(text) : undefined;
      if (outlet && !meta.outlet) meta.outlet = outlet;
    } else if (role === 'caption') {
      meta.captions.push(text);
    } else if (role === 'body' || role === 'subhead') {
      if (role === 'subhead') meta.subheads.push(text);
      if (builder.size > 0) builder.insert('\n\n');
      const signOff = k === lastBody ? WIRE_SIGN_OFF.exec(line.text) : null;
      if (signOff) meta.boilerplate.push(signOff[0].trim());
      const end = signOff ? signOff.index : line.text.length;
      forEachCleanPiece(line.text, 0, end, (piece, offset) => builder.copy(piece, line.start + offset));
    }
  });

  const published = mergeHeaderDates(dates);
  if (published) meta.published = { value: published.value, estimated: false, from: 'dateline' };
  // A text given with its title is a clean body: its dates are the story's events, left to the estimate.
  else if (known === undefined) meta.published = dateInText(raw, lines, norm, roles, options.onDateCandidates);
  const { text, origin } = builder.build();
  if (classified && !classified.some((line) => line.role === 'body')) {
    // The classifier reads page layouts; a text of a few sentences has none to read. When the lines
    // the rules keep mostly end as sentences, they are prose whatever the classifier makes of them.
    // At least half, not all: a short text with a footer glued on is still mostly sentences, while a
    // menu page's one cookie sentence is outnumbered by its menu lines.
    const byRules = cleanTextDump(raw, { ...options, lineModel: null });
    const paragraphs = byRules.text.length > 0 ? byRules.text.split('\n\n') : [];
    const sentences = paragraphs.filter((paragraph) => SENTENCE_STOP.test(paragraph)).length;
    if (sentences > 0 && sentences * 2 >= paragraphs.length) return byRules;
    // A text that is only sentences (a paragraph pasted on its own, in any language) has no headline
    // line to set apart: all of it is the body.
    if (isOnlySentences(classified.map((line) => lines[line.index]?.text ?? ''))) {
      const whole = cleanTextDump(raw, { ...options, headline: '', lineModel: null });
      return { ...whole, meta: { ...whole.meta, headline: undefined } };
    }
  }
  if (text.length === 0) {
    // A page without prose (a menu, an error page) has no headline of its own; a date it shows is still its date.
    if (known === undefined) meta.headline = undefined;
    messages.push({
      severity: 'warning',
      text: emptyReason(lines.length, classified),
      ruleId: 'empty-after-clean',
    });
  }
  return { text, origin, meta, messages };
}

/** Sentences of at least eight words (or, unspaced, forty letters) end every line: prose, whatever its layout. */
function isOnlySentences(texts: readonly string[]): boolean {
  return (
    texts.length > 0 &&
    texts.every((text) => {
      const line = text.trim();
      return SENTENCE_STOP.test(line) && (line.split(/\s+/).length >= 8 || (line.match(/\p{L}/gu)?.length ?? 0) >= 40);
    })
  );
}

/** Why cleaning left no text: nothing given, or only lines that are no article's prose. */
function emptyReason(lineCount: number, classified: readonly ClassifiedLine[] | undefined): string {
  if (!classified) return 'No article text found after cleaning';
  if (classified.length === 0) return 'No article text: the dump is empty';
  const counts = new Map<LineRole, number>();
  for (const line of classified) counts.set(line.role, (counts.get(line.role) ?? 0) + 1);
  const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([role, count]) => `${count} ${role}`);
  return `No article text: none of the dump's ${classified.length} non-blank lines (of ${lineCount}) reads as prose (${parts.join(', ')})`;
}

/**
 * Marks the learned headline (see headline.ts) among the lines from `from` to the body, drops the
 * lines between `from` and it, and returns the line after it (or `from` when there is none).
 */
function markLearnedHeadline(
  classified: readonly ClassifiedLine[],
  from: number,
  roles: Role[],
  meta: DocMeta,
  weights: ReadonlyMap<string, number>,
): number {
  const fromAt = classified.findIndex((line) => line.index >= from);
  const firstBody = classified.findIndex((line) => line.role === 'body' && line.index >= from);
  const body = classified
    .filter((line) => line.role === 'body')
    .map((line) => line.text)
    .join(' ');
  const chosen = fromAt < 0 ? -1 : chooseHeadline({ lines: classified, firstBody, from: fromAt, body }, weights);
  if (chosen < 0) return from;
  const headline = classified[chosen] as ClassifiedLine;
  for (let k = fromAt; k < chosen; k++) roles[(classified[k] as ClassifiedLine).index] = 'dropped';
  // The page's sections are in the breadcrumb nearest above the headline; menus further up are not.
  for (let k = chosen - 1; k >= Math.max(fromAt, chosen - HEADLINE_WINDOW); k--) {
    const line = classified[k] as ClassifiedLine;
    const crumbs = parseBreadcrumb(line.text);
    if (!crumbs) continue;
    roles[line.index] = 'breadcrumb';
    meta.sections.push(...crumbs);
    break;
  }
  roles[headline.index] = 'headline';
  meta.headline = headline.text;
  return nextContent(roles, headline.index + 1);
}

/**
 * The highest floor that costs nothing on the tune half of page-dumps (`lede eval dumps`: tune 0.949
 * at -3 as without a floor, 0.945 at -2); on the held-out half it costs two dumps (0.932 -> 0.924).
 * page-dumps scores only dumps whose day is visible, so it cannot show what a floor saves: prose
 * dates taken for the publication day of pages that show none.
 */
const MIN_DATE_SCORE = -3;

/** Lines under which an article's lead paragraph is taken to start: a scrape's menus and link lists are shorter. */
const LEAD_WORDS = 25;

/**
 * Without a date header, the best-scored date anywhere in the dump (see `chooseDumpDate`), marked as
 * estimated: it is read from the page, but chosen among the page's dates by likelihood.
 */
function dateInText(
  raw: string,
  lines: Line[],
  norm: string[],
  roles: Role[],
  onCandidates: TextDumpOptions['onDateCandidates'],
): DocMeta['published'] {
  const headline = roles.indexOf('headline');
  const lead = roles.findIndex((role, k) => role === 'body' && wordCount(norm[k] as string) >= LEAD_WORDS);
  const candidates = scoreDumpDates(raw, {
    headlineAt: headline >= 0 ? lines[headline]?.start : undefined,
    leadAt: lead >= 0 ? lines[lead]?.start : undefined,
  });
  onCandidates?.(candidates);
  const chosen = bestScored(candidates);
  if (!chosen) return undefined;
  // A best date this unlikely is one the story talks about (a date in its prose), not the page's:
  // the date is left to the estimate from the contents, which reasons about every date in the text.
  if (chosen.score < MIN_DATE_SCORE) return undefined;
  const { day, time } = chosen.found;
  return { value: time ? `${day}T${time}` : day, estimated: true, from: 'text' };
}

/** Walks up from the end: footer lines, and short non-sentences next to them, until real body text. */
function markFooter(norm: string[], roles: Role[]): void {
  const pending: number[] = [];
  let sawFooter = false;
  for (let k = norm.length - 1; k >= 0; k--) {
    const role = roles[k];
    if (role === 'blank' || role === 'learnt' || role === 'dropped') continue;
    if (role !== 'body') break;
    const text = norm[k] as string;
    if (isFooterLine(text)) {
      sawFooter = true;
      for (const p of pending) roles[p] = 'footer';
      pending.length = 0;
      roles[k] = 'footer';
    } else if (text.endsWith(':') && sawFooter) {
      roles[k] = 'footer';
    } else if (wordCount(text) <= 6 && !SENTENCE_END.test(text)) {
      pending.push(k);
    } else break;
  }
  if (sawFooter) for (const p of pending) roles[p] = 'footer';
}

function isSubhead(text: string): boolean {
  const words = wordCount(text);
  if (words < 2 || words > 12) return false;
  // A heading starts like one (capital, digit or opening quote); list items and broken lines do not.
  if (!/^[\p{Lu}\p{N}‘“"']/u.test(text) || !/\p{L}{2}/u.test(text)) return false;
  if (HEADING_ABBREVIATIONS.test(text)) return true;
  return !SENTENCE_END.test(text) && !/[.!?]$/.test(text.replace(/["'”’»)\]]+$/, ''));
}

function hasBodyAfter(roles: Role[], k: number): boolean {
  for (let j = k + 1; j < roles.length; j++) {
    if (roles[j] === 'body') return true;
    if (roles[j] !== 'blank' && roles[j] !== 'subhead' && roles[j] !== 'caption') return false;
  }
  return false;
}

function nextContent(roles: Role[], from: number): number {
  let k = from;
  while (k < roles.length && roles[k] === 'blank') k++;
  return k;
}
