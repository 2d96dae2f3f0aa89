/**
 * nlp/events: adds `events` (label EVENT; attrs.date TIMEX3 value, attrs.what, attrs.who, attrs.where,
 * attrs.dating `stated|anchored`, attrs.timex the timex span id), one per sentence that carries a
 * calendar date or a phrase anchored on an earlier event (`Two days after the dastardly attack` =
 * the attack's date + 2 days). The span is the sentence: the evidence.
 * Requires `sentences` and `timexes`; reads `entities` when an earlier stage produced them (who, where),
 * else falls back to capitalised names.
 * When the document has no date, relative timexes are re-resolved against `estimatePublished` (an
 * estimated DatedValue with interval and evidence) if that estimate is narrower than two months (a
 * stated anniversary); otherwise only absolutely dated events are kept. The estimate becomes
 * `meta.published` in the last stage of the pipeline (`createPublishedEstimateStage`, version-stamped
 * like a layer): a range (`2004-01/2005-12`) read from the years the text dwells on
 * (`estimateWritingRange`), or no date and an info message saying why.
 * The date is the first one that dates the main clause: dates that bound a state (`since 2003`), are a
 * comparison's baseline, name a thing (`the 2004 TV Moments`) or sit in a relative or subordinate
 * clause are background (`backgroundOf`, attachment.ts); with none left, a dated event noun (`the
 * January 2020 assassination`) dates that event. `what` is the sentence or clause around the date,
 * date kept (`eventText`). Known limits: one event per sentence; cues, not a parse: participle
 * clauses (`the bill, proposed in 1993, was approved`) and `since` before a long noun phrase still
 * date the sentence (timeline audit, `lede eval audits`).
 * Events measured on the seed events only (`lede eval seeds`, component time: 9 of 9 seed expectations;
 * sample 002 names only `the January 2020 assassination`, its day comes from the corpus timeline).
 * The estimate: `lede eval published-estimate --corpus reuters|bbc|tbaq` (figures in the README).
 */

export { estimatePublished, inheritPublished, rangeValue } from './estimate-published.js';
export { createEventsStage } from './events-stage.js';
export type { EventFinding, EventsLexicon } from './find-events.js';
export { eventTopics, findEvents, loadEventsLexicon } from './find-events.js';
export { createPublishedEstimateStage } from './published-stage.js';
