/**
 * nlp/events: adds `events` (label EVENT; attrs.date TIMEX3 value, attrs.what, attrs.who, attrs.where,
 * attrs.dating `stated|anchored`, attrs.timex the timex span id), one per sentence that carries a
 * calendar date or a phrase anchored on an earlier event (`Two days after the dastardly attack` =
 * the attack's date + 2 days). The span is the sentence: the evidence.
 * Requires `sentences` and `timexes`; reads `entities` when an earlier stage produced them (who, where),
 * else falls back to capitalised names.
 * When the document has no date, relative timexes are re-resolved against `estimatePublished` (an
 * estimated DatedValue with interval and evidence; the store/ingest may save it as meta.published) if
 * that estimate is narrower than two months; otherwise only absolutely dated events are kept.
 * Known limits: one event per sentence (the first dated expression); `what` is the sentence without
 * its date phrase, not a parsed predicate.
 * Events measured on the seed events only (`lede eval seeds`, component time: 9 of 9 seed expectations;
 * sample 002 names only `the January 2020 assassination`, its day comes from the corpus timeline).
 * estimatePublished, `LEDE_DATA=/work/shared/data lede eval published-estimate` (TBAQ, DCT hidden): an
 * estimate for 76 of 256 documents (29.7%), DCT inside the interval for 10.2% of all documents, median
 * error 745 days: from the text alone it is a lower bound more than a date.
 */

import { type DatedValue, type Doc, makeSpan, type Span, type Stage } from '../../model/index.js';
import { createTimexFinder, parseDay, timexSpans } from '../timex/index.js';
import { estimatePublished } from './estimate-published.js';
import { findEvents, loadEventsLexicon } from './find-events.js';

export { estimatePublished, inheritPublished } from './estimate-published.js';
export { createPublishedEstimateStage } from './published-stage.js';

const NARROW_ESTIMATE_DAYS = 62;

function estimateWidthDays(estimate: DatedValue): number {
  const earliest = Date.parse(estimate.earliest ?? estimate.value);
  const latest = Date.parse(estimate.latest ?? estimate.value);
  return Number.isNaN(earliest) || Number.isNaN(latest) ? Number.POSITIVE_INFINITY : (latest - earliest) / 86_400_000;
}

export type { EventFinding, EventsLexicon } from './find-events.js';
export { eventTopics, findEvents, loadEventsLexicon } from './find-events.js';

export function createEventsStage(): Stage<'sentences' | 'timexes', 'events'> {
  const lexicon = loadEventsLexicon();
  const finder = createTimexFinder();
  const by = { stage: 'nlp/events', version: 1 };
  return {
    name: 'nlp/events',
    version: 1,
    requires: ['sentences', 'timexes'],
    produces: ['events'],
    run: (doc: Readonly<Doc>) => {
      let timexes: Span[] = doc.layers.timexes ?? [];
      if (!parseDay(doc.meta.published?.value)) {
        const estimate = estimatePublished(doc.text, finder);
        // Only a narrow estimate (an anniversary, say) is worth counting `last year` or `on Sunday` from;
        // a wide one would put relative events on made-up days, so they stay undated.
        if (estimate && estimateWidthDays(estimate) <= NARROW_ESTIMATE_DAYS)
          timexes = timexSpans(finder.find(doc.text, parseDay(estimate.value)), 'estimated');
      }
      const findings = findEvents(doc.text, doc.layers.sentences ?? [], timexes, doc.layers.entities ?? [], lexicon);
      // The value as written, before any anchor: `January 5` stays XXXX-01-05, so claims can compare it.
      // Undated, the timexes stage already read every value as written; only a dated document is read again.
      const asWritten = new Map<string, string>(
        parseDay(doc.meta.published?.value)
          ? finder.find(doc.text, undefined).map((finding) => [`${finding.start}-${finding.end}`, finding.value])
          : (doc.layers.timexes ?? []).map((span) => [`${span.start}-${span.end}`, String(span.attrs?.value ?? '')]),
      );
      const timexById = new Map(timexes.map((span) => [span.id, span]));
      return {
        events: findings.map((event) =>
          makeSpan('events', event.start, event.end, 'EVENT', by, {
            date: event.date,
            what: event.what,
            who: event.who,
            where: event.where,
            dating: event.dating,
            timex: event.timex,
            written:
              event.dating === 'anchored'
                ? event.date
                : (asWritten.get(`${timexById.get(event.timex)?.start}-${timexById.get(event.timex)?.end}`) ??
                  event.date),
            ...(event.anchorStart !== undefined
              ? { anchorStart: event.anchorStart, anchorEnd: event.anchorEnd ?? 0 }
              : {}),
            ...(timexes !== doc.layers.timexes ? { anchor: 'estimated' } : {}),
          }),
        ),
      };
    },
  };
}
