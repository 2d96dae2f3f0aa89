import { anchoringPublished, type DatedValue, type Doc, makeSpan, type Span, type Stage } from '../../model/index.js';
import { addDays, createTimexFinder, type Day, parseDay, timexSpans } from '../timex/index.js';
import { estimatePublished } from './estimate-published.js';
import { findEvents, loadEventsLexicon } from './find-events.js';

const NARROW_ESTIMATE_DAYS = 62;

function estimateWidthDays(estimate: DatedValue): number {
  const earliest = Date.parse(estimate.earliest ?? estimate.value);
  const latest = Date.parse(estimate.latest ?? estimate.value);
  return Number.isNaN(earliest) || Number.isNaN(latest) ? Number.POSITIVE_INFINITY : (latest - earliest) / 86_400_000;
}

/** The middle of a narrow estimate's interval, to count relative expressions from. */
function middleDay(estimate: DatedValue): Day | undefined {
  const earliest = parseDay(estimate.earliest);
  if (!earliest) return undefined;
  return addDays(earliest, Math.floor(estimateWidthDays(estimate) / 2));
}

export function createEventsStage(): Stage<'sentences' | 'timexes', 'events'> {
  const lexicon = loadEventsLexicon();
  const finder = createTimexFinder();
  const by = { stage: 'nlp/events', version: 6 };
  return {
    name: 'nlp/events',
    version: 6,
    requires: ['sentences', 'timexes'],
    produces: ['events'],
    run: (doc: Readonly<Doc>) => {
      let timexes: Span[] = doc.layers.timexes ?? [];
      const published = anchoringPublished(doc.meta);
      if (!parseDay(published?.value)) {
        const estimate = estimatePublished(doc.text, finder);
        // Only a narrow estimate (an anniversary, say) is worth counting `last year` or `on Sunday` from;
        // a wide one would put relative events on made-up days, so they stay undated.
        if (estimate && estimateWidthDays(estimate) <= NARROW_ESTIMATE_DAYS)
          timexes = timexSpans(finder.find(doc.text, middleDay(estimate)), 'estimated');
      }
      // The year of writing tells which years a sentence in the present speaks of as past.
      const findings = findEvents(
        doc.text,
        doc.layers.sentences ?? [],
        timexes,
        doc.layers.entities ?? [],
        lexicon,
        parseDay(published?.value)?.year,
      );
      // The value as written, before any anchor: `January 5` stays XXXX-01-05, so claims can compare it.
      // Undated, the timexes stage already read every value as written; only a dated document is read again.
      const asWritten = new Map<string, string>(
        parseDay(published?.value)
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
