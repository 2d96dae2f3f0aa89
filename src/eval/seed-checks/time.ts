import { buildTimeline, findClaims } from '../../link/index.js';
import type { SeedCheck, SeedOutcome } from '../contract.js';

/**
 * Dated events, figures and the date conflict of gold.json. An event counts as found when a lede
 * event has the gold date (the cue, when given, inside its sentence), or when the corpus timeline
 * (link/timeline) puts one of the document's events in an entry with that date: the article leaves
 * the day out (`the January 2020 assassination`) and a related article gives it. A figure counts
 * when a lede figure covers the gold text with the gold value and the head noun of the gold unit;
 * the conflict when link/claims reports a date conflict within that document.
 */
export const timeSeedCheck: SeedCheck = {
  component: 'time',
  check: ({ pairs, docs }) => {
    const claims = findClaims(docs);
    const timeline = buildTimeline(docs);
    return pairs.flatMap(({ gold, doc }): SeedOutcome[] => {
      const outcomes: SeedOutcome[] = [];
      const events = doc.layers.events ?? [];
      const name = doc.externalId ?? doc.source.uri ?? doc.id;
      const hasCue = (start: number, end: number, cue: string | undefined) =>
        !cue || doc.text.slice(start, end).toLowerCase().includes(cue.toLowerCase());
      for (const event of gold.events ?? []) {
        const match = events.find((span) => span.attrs?.date === event.date && hasCue(span.start, span.end, event.cue));
        const corroborated = match
          ? undefined
          : timeline
              .filter((entry) => entry.date === event.date)
              .flatMap((entry) => entry.sources.map((source) => ({ entry, source })))
              .find(({ source }) => source.doc === name && hasCue(source.start, source.end, event.cue));
        outcomes.push({
          file: gold.file,
          field: `event ${event.date}`,
          expected: { date: event.date, cue: event.cue ?? null },
          actual: match
            ? { date: match.attrs?.date, sentence: doc.text.slice(match.start, match.end).slice(0, 80) }
            : corroborated
              ? {
                  date: corroborated.entry.date,
                  stated: corroborated.source.date,
                  from: corroborated.entry.sources.map((source) => source.doc).filter((other) => other !== name),
                  sentence: corroborated.source.text.slice(0, 80),
                }
              : null,
          pass: Boolean(match ?? corroborated),
        });
      }
      for (const figure of gold.figures ?? []) {
        const head =
          figure.unit
            .split(/\s+/)
            .find((word) => /s$/.test(word))
            ?.toLowerCase() ?? figure.unit.toLowerCase();
        const match = (doc.layers.figures ?? []).find(
          (span) =>
            doc.text.slice(span.start, span.end).includes(figure.text) &&
            span.attrs?.value === figure.value &&
            String(span.attrs?.unit).toLowerCase().includes(head),
        );
        outcomes.push({
          file: gold.file,
          field: `figure ${figure.text}`,
          expected: { value: figure.value, unit: figure.unit },
          actual: match ? { value: match.attrs?.value, unit: match.attrs?.unit } : null,
          pass: Boolean(match),
        });
      }
      if (gold.conflicts && gold.conflicts.length > 0) {
        const found = claims.find(
          (claim) =>
            claim.kind === 'date' &&
            claim.relation === 'conflict' &&
            claim.evidence.every((evidence) => evidence.doc === name),
        );
        outcomes.push({
          file: gold.file,
          field: 'date conflict',
          expected: gold.conflicts,
          actual: found ? found.note : null,
          pass: Boolean(found),
        });
      }
      return outcomes;
    });
  },
};
