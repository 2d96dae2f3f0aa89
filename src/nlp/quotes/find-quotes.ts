/** Puts the finders together: marked quotes, reported speech, speaker names, medium and date, spans. */
import { type Doc, type Json, makeSpan, type Span } from '../../model/index.js';
import { splitParagraphs } from '../sentences/index.js';
import { carryOverSpeakers } from './carried.js';
import type { Finding, QuoteContext, Range } from './context.js';
import { sentenceAt } from './context.js';
import type { CueLexicon } from './cues.js';
import { findMarkedQuotes, findReportedAroundPartials } from './direct.js';
import { findReportedSpeech } from './indirect.js';
import { withDoubledMarks } from './marks.js';
import { findDatePhrase, findMedium, type Phrase } from './medium.js';
import { genderOfMention, type Resolution, resolveSpeaker, type SpokenBefore } from './resolve.js';

// Version 6: a speaker named with a cue after a quote outweighs a colon introduction without a verb of saying.
export const QUOTES_STAGE = { stage: 'nlp/quotes', version: 6 } as const;

export function findQuotes(doc: Readonly<Doc>, cues: CueLexicon): Span[] {
  const context: QuoteContext = {
    // Offsets are the document's: doubled apostrophes are only read as the double marks they stand for.
    text: withDoubledMarks(doc.text),
    sentences: toRanges(doc.layers.sentences) ?? splitParagraphs(doc.text),
    paragraphs: toRanges(doc.layers.paragraphs) ?? splitParagraphs(doc.text),
    cues,
  };
  const marked = findMarkedQuotes(context);
  const reported = findReportedSpeech(context, marked);
  const findings = carryOverSpeakers(context, [
    ...marked,
    ...reported,
    ...findReportedAroundPartials(context, marked, reported),
  ]);
  const names = resolveAll(context, findings, doc.layers.entities ?? []);
  const spans = findings.map((finding, index) =>
    toSpan(context, withSharedMention(findings, finding), names[index] as Resolution, doc.layers.timexes ?? []),
  );
  return spans.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Resolves speakers in text order, so `he` can point at whoever spoke last. */
function resolveAll(context: QuoteContext, findings: readonly Finding[], entities: readonly Span[]): Resolution[] {
  const order = findings
    .map((finding, index) => ({ index, at: finding.speaker?.start ?? finding.start }))
    .sort((a, b) => a.at - b.at);
  const names: Resolution[] = findings.map(() => ({ name: null, entitySpan: null, type: null }));
  const spoken: SpokenBefore[] = [];
  /** What the text told of each speaker's gender so far. */
  const genders = new Map<string, 'm' | 'f'>();
  const mentions = findings.flatMap((finding) => (finding.speaker ? [finding.speaker] : []));
  const done = new Set<number>();
  const resolveOne = (index: number): Resolution => {
    if (done.has(index)) return names[index] as Resolution;
    done.add(index);
    const finding = findings[index] as Finding;
    let resolution: Resolution = { name: null, entitySpan: null, type: null };
    if (finding.sharesSpeakerWith !== undefined) {
      const shared = resolveOne(finding.sharesSpeakerWith);
      resolution = { ...shared, entitySpan: finding.speaker ? shared.entitySpan : null };
    } else if (finding.speaker) {
      resolution = resolveSpeaker(context.text, finding.speaker, entities, spoken, context.cues, mentions);
    }
    names[index] = resolution;
    return resolution;
  };
  for (const { index, at } of order) {
    const resolution = resolveOne(index);
    if (!resolution.name) continue;
    const finding = findings[index] as Finding;
    const words = finding.speaker ? context.text.slice(finding.speaker.start, finding.speaker.end) : '';
    const told = resolution.gender ?? genderOfMention(words) ?? genders.get(resolution.name);
    if (told) genders.set(resolution.name, told);
    spoken.push({ offset: at, name: resolution.name, type: resolution.type, gender: told });
  }
  return names;
}

function toSpan(context: QuoteContext, finding: Finding, resolution: Resolution, timexes: readonly Span[]): Span {
  const { text } = context;
  const attrs: Record<string, Json> = {
    speaker: resolution.entitySpan,
    speakerName: resolution.name,
    speakerStart: finding.speaker?.start ?? null,
    speakerEnd: finding.speaker?.end ?? null,
    speakerText: finding.speaker ? text.slice(finding.speaker.start, finding.speaker.end) : null,
    cueStart: finding.cue?.start ?? null,
    cueEnd: finding.cue?.end ?? null,
    cueLemma: finding.cue?.lemma ?? null,
  };
  if (finding.cue) {
    const { medium, date } = findCircumstances(context, finding);
    if (medium) Object.assign(attrs, { medium: medium.text, mediumStart: medium.start, mediumEnd: medium.end });
    if (date) {
      Object.assign(attrs, { date: date.text, dateStart: date.start, dateEnd: date.end });
      const timex = timexes.find((span) => span.start < date.end && span.end > date.start);
      if (typeof timex?.attrs?.value === 'string') attrs.dateValue = timex.attrs.value;
    }
  }
  return makeSpan('quotes', finding.start, finding.end, finding.kind, { ...QUOTES_STAGE, rule: finding.rule }, attrs);
}

/** Medium and date near the cue: after it (`said in a statement on Tuesday`), else before the speaker (`Earlier in March, X warned`). */
function findCircumstances(context: QuoteContext, finding: Finding): { medium?: Phrase; date?: Phrase } {
  const cue = finding.cue as Range;
  const sentence = sentenceAt(context, cue.start);
  const quoted =
    finding.kind === 'indirect'
      ? undefined
      : { start: finding.open ?? finding.start, end: finding.close ?? finding.end };
  const afterEnd = Math.min(
    sentence.end,
    cue.end + 140,
    quoted && quoted.start > cue.end ? quoted.start : Number.POSITIVE_INFINITY,
    finding.kind === 'indirect' && finding.start > cue.end ? finding.start + 1 : Number.POSITIVE_INFINITY,
  );
  const medium = findMedium(context.text, cue.end, afterEnd, context.cues);
  const lead = Math.min(finding.speaker?.start ?? cue.start, cue.start);
  const leadFrom = quoted && quoted.end < lead && quoted.end >= sentence.start ? quoted.end + 1 : sentence.start;
  const date = findDatePhrase(context.text, cue.end, afterEnd) ?? findDatePhrase(context.text, leadFrom, lead);
  return { medium, date };
}

/** A continued or echoed quote with no mention of its own points at the mention of the quote it continues. */
function withSharedMention(findings: readonly Finding[], finding: Finding): Finding {
  let source: Finding | undefined = finding;
  for (let hops = 0; source && !source.speaker && source.sharesSpeakerWith !== undefined && hops < 20; hops++) {
    source = findings[source.sharesSpeakerWith];
  }
  return source?.speaker && !finding.speaker ? { ...finding, speaker: source.speaker } : finding;
}

function toRanges(spans: readonly Span[] | undefined): Range[] | undefined {
  return spans && spans.length > 0 ? spans.map(({ start, end }) => ({ start, end })) : undefined;
}
