/**
 * More real dumps to learn from: the page-dumps dumps of ../shared/data/pubdate pages (German
 * above all, also English, French, Korean...), which have no gold body. Their lines are labelled
 * against the body lede's HTML cleaner reads from the same page (a silver body; `lede eval clean`
 * F1 0.978 on article-extraction), kept only where the dump shows most of that body, so a page
 * the cleaner misreads teaches nothing. Only dumps of the tune half are used.
 */
import { join } from 'node:path';
import { cleanHtml, dumpLines } from '../../clean/index.js';
import { splitOf } from '../../eval/dumps/evaluate.js';
import type { PubdatePage } from '../../eval/pubdate-eval.js';
import { readJsonlGz } from '../../resources/index.js';
import type { PageGold } from './label-lines.js';

interface PubdateDumpGold {
  id: string;
  set: string;
  date?: string | null;
  source?: string;
}

export interface SilverDump {
  text: string;
  gold: PageGold;
  pageId: string;
}

/** The page id of a silver dump starts with this. */
export const SILVER_PREFIX = 'pubdate:';

/** A silver body shorter than this is no article to learn a body from (an index or error page). */
const MIN_BODY_WORDS = 60;
/** Share of the silver body's word trigrams the dump must show: below it, dump and cleaner disagree on the page. */
const MIN_SHOWN = 0.8;

function trigramsOf(text: string): string[] {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
  const out: string[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) out.push(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`);
  return out;
}

/**
 * The tune half's pubdate dumps with silver gold. page-dumps lists its pubdate dumps in the order
 * of the pubdate pages; each pairing is checked by day and source, and a pair that differs is skipped.
 */
export function silverDumps(data: string): SilverDump[] {
  const pages = readJsonlGz<PubdatePage>(join(data, 'pubdate', 'pubdate.shared.jsonl.gz'));
  const gold = readJsonlGz<PubdateDumpGold>(join(data, 'page-dumps', 'gold.jsonl.gz')).filter(
    (entry) => entry.set === 'pubdate',
  );
  const texts = new Map(
    readJsonlGz<{ id: string; text: string }>(join(data, 'page-dumps', 'docs.jsonl.gz')).map((doc) => [
      doc.id,
      doc.text,
    ]),
  );
  const out: SilverDump[] = [];
  gold.forEach((entry, k) => {
    const page = pages[k];
    const text = texts.get(entry.id);
    if (!page || text === undefined || splitOf(entry.id) !== 'tune') return;
    if ((entry.date ?? null) !== page.date || entry.source !== page.source) return;
    const { text: body, meta } = cleanHtml(page.html, { url: page.url });
    const bodyTrigrams = trigramsOf(body);
    if (bodyTrigrams.length + 2 < MIN_BODY_WORDS) return;
    const shown = new Set(dumpLines(text).flatMap((line) => trigramsOf(line.text)));
    if (bodyTrigrams.filter((trigram) => shown.has(trigram)).length < MIN_SHOWN * bodyTrigrams.length) return;
    out.push({
      text,
      gold: { body, headline: meta.headline, captions: meta.captions },
      pageId: `${SILVER_PREFIX}${page.id}`,
    });
  });
  return out;
}
