/**
 * A figure becomes a claim only with what it measures, read from its sentence with the layers the
 * nlp stages computed: the subject (the named entities of the figure's clause, a demonym standing
 * for its country), the measure (the counted noun, or for money the noun or verb it prices), the
 * time (a date timex of the clause or sentence), and the qualifier (`more than`, `about`, `up to`),
 * which turns the value into the interval it allows. Figures that state no claim are left out:
 * durations and clock times, numbers that label (`Section 404`), forecasts and conditionals, the
 * amount of a change (`rose by 7,000`), and every figure of a sentence that states two or more of
 * one kind (lists, comparisons, `from X to Y`).
 */
import { readFileSync } from 'node:fs';
import { anchoringPublished, type Doc, type Span } from '../../model/index.js';
import { readDemonyms } from '../../nlp/entities/index.js';
import { dataPath } from '../../resources/index.js';
import {
  capitalisedNames,
  governedByHypothesis,
  leftOfInClause,
  midSentenceCapitals,
  moneyMeasureLeft,
  sourceStretches,
} from './clause-reading.js';
import { type ReadUnit, readUnit } from './units.js';

export interface ClaimsLexicon {
  timeUnits: string[];
  labelWords: string[];
  hypothetical: string[];
  changeWords: string[];
  functionWords: string[];
  lowerBounds: string[];
  upperBounds: string[];
  approximate: string[];
  clauseBreaks: string[];
  currencies: Record<string, string>;
  scales: Record<string, number>;
  percents: string[];
  /** Words that set two figures side by side (`20.2 mln vs 12.6 mln`): neither is a claim alone. */
  comparisonMarks: string[];
  /** Units of measure (`tonnes`, `bpd`): a count of them needs the thing measured (`of wheat`). */
  measureUnits: string[];
}

export function loadClaimsLexicon(path = dataPath('claims/lexicon.json')): ClaimsLexicon {
  return JSON.parse(readFileSync(path, 'utf8')) as ClaimsLexicon;
}

/** Demonym or country name as written → the country's usual name (`American` → `United States`). */
export type CountryNames = ReadonlyMap<string, string>;

/**
 * Demonyms and every name of a country → its usual name, so a figure about `American troops` and one
 * about `US troops` share a subject. Without the trained table (`lede train demonyms`) names stay apart.
 */
export function countryNames(): Map<string, string> {
  const names = new Map<string, string>();
  let table: ReturnType<typeof readDemonyms>;
  try {
    table = readDemonyms();
  } catch {
    return names;
  }
  for (const [demonym, country] of table) {
    names.set(demonym, country.name);
    for (const name of country.names) names.set(name, country.name);
  }
  return names;
}

export interface Qualifier {
  /** The words that bound or soften the value (`more than`), absent for a plain number. */
  words?: string;
  low: number;
  high: number;
}

export interface FigureStatement {
  doc: string;
  /** The sentence that states it, and its offsets in the document. */
  text: string;
  start: number;
  end: number;
  /** The figure inside the sentence (document offsets). */
  mark: { start: number; end: number };
  value: number;
  /** The currency of money; empty for a count, whose measure names what is counted. */
  unit: string;
  measure: string;
  subjects: string[];
  /** The subjects that are places (a demonym counts as its country). */
  places: string[];
  /** The subjects that are not places nor `MISC` words: people, organisations, works. */
  actors: string[];
  time?: string;
  /** The day the document was published, when it states one (estimated dates are not evidence). */
  published?: string;
  qualifier: Qualifier;
}

const PLACE_LABELS = new Set(['LOC', 'GPE']);
const WORD = /[\p{L}][\p{L}’'-]*/gu;

export function singular(word: string): string {
  const lower = word.toLowerCase();
  if (/ies$/.test(lower) && lower.length > 4) return `${lower.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(lower)) return lower;
  if (/(ches|shes|xes|sses)$/.test(lower)) return lower.slice(0, -2);
  return lower.replace(/s$/, '');
}

function phraseSet(list: readonly string[]): RegExp {
  const escaped = [...list].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?:^|\\s)(${escaped.join('|')})\\s*$`, 'i');
}

export interface StatementReader {
  read(doc: Doc, name: string): FigureStatement[];
}

export function createStatementReader(lexicon: ClaimsLexicon, countries: CountryNames = new Map()): StatementReader {
  const timeUnits = new Set(lexicon.timeUnits);
  const labels = new Set(lexicon.labelWords);
  const functionWords = new Set(lexicon.functionWords);
  const changeWords = new Set(lexicon.changeWords);
  const measureUnits = new Set(lexicon.measureUnits);
  const hypothetical = new RegExp(`\\b(?:${lexicon.hypothetical.join('|')})\\b`, 'i');
  const lower = phraseSet(lexicon.lowerBounds);
  const upper = phraseSet(lexicon.upperBounds);
  const approximate = phraseSet(lexicon.approximate);
  const marks = lexicon.comparisonMarks.map((mark) => mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const comparison = new RegExp(`\\s(?:${marks})\\s*$`, 'i');
  const comparisonAfter = new RegExp(`^\\S+(?:\\s+\\S+)?\\s+(?:${marks})(?:\\s|$)`, 'i');

  const qualifierOf = (before: string, phrase: string, value: number): Qualifier => {
    const stated = `${before} ${phrase.replace(/[$€£\d].*$/, '')}`.replace(/\s+/g, ' ').trimEnd();
    const rounding = roundingOf(phrase, value);
    const plain = { low: value - rounding / 2, high: value + rounding / 2 };
    const lowerMatch = lower.exec(stated);
    if (lowerMatch) return { words: lowerMatch[1]?.toLowerCase(), low: plain.low, high: Number.POSITIVE_INFINITY };
    const upperMatch = upper.exec(stated);
    if (upperMatch) return { words: upperMatch[1]?.toLowerCase(), low: 0, high: plain.high };
    const approxMatch = approximate.exec(stated);
    if (approxMatch)
      return {
        words: approxMatch[1]?.toLowerCase(),
        low: Math.min(plain.low, value * 0.85),
        high: Math.max(plain.high, value * 1.15),
      };
    return plain;
  };

  const subjectOf = (entity: Span, text: string): string => {
    const written = text.slice(entity.start, entity.end);
    const name = String(entity.attrs?.entity ?? written);
    return countries.get(written) ?? countries.get(name) ?? name;
  };

  return {
    read(doc, name) {
      const figures = doc.layers.figures ?? [];
      const sentences = doc.layers.sentences ?? [];
      const entities = doc.layers.entities ?? [];
      const timexes = (doc.layers.timexes ?? []).filter((span) => span.label === 'DATE');
      const published = /^\d{4}-\d{2}-\d{2}/.exec(anchoringPublished(doc.meta)?.value ?? '')?.[0];
      const capitals = midSentenceCapitals(doc.text, sentences);
      const statements: FigureStatement[] = [];
      for (const sentence of sentences) {
        const inside = figures.filter((f) => sentence.start <= f.start && f.end <= sentence.end);
        if (inside.length === 0) continue;
        const text = doc.text.slice(sentence.start, sentence.end);
        const units = inside.map((figure) =>
          readUnit(String(figure.attrs?.unit ?? ''), Number(figure.attrs?.value), lexicon),
        );
        const kinds = units.map(kindOf);
        for (const [index, figure] of inside.entries()) {
          const kind = kinds[index] as string;
          const read = units[index] as ReadUnit;
          // Two figures of one kind in a sentence are a list, a comparison or a change: none is a claim alone.
          if (kinds.filter((other) => other === kind).length > 1) continue;
          const value = read.value;
          const unit = read.kind === 'money' ? read.currency : read.kind === 'percent' ? 'percent' : read.unit;
          const priced = read.kind !== 'count';
          const phrase = doc.text.slice(figure.start, figure.end);
          if (!Number.isFinite(value) || !/\d/.test(phrase) || value < (read.kind === 'percent' ? 0 : 10)) continue;
          const around = doc.text.slice(Math.max(sentence.start, figure.start - 14), figure.start);
          const after = doc.text.slice(figure.start, Math.min(sentence.end, figure.end + 16));
          if (comparison.test(` ${around}`.replace(/\S*$/, '')) || comparisonAfter.test(after)) continue;
          // A forecast, a condition or a hope governing the figure states no measured value.
          if (governedByHypothesis(text, figure.start - sentence.start, figure.end - sentence.start, hypothetical))
            continue;
          const before = doc.text.slice(Math.max(sentence.start, figure.start - 60), figure.start);
          const qualifier = qualifierOf(before, phrase, value);
          // The words left of a qualifier say what is qualified (`fees of up to £3,000`).
          const unqualified = qualifier.words
            ? before.replace(new RegExp(`${qualifier.words.replace(/\s+/g, '\\s+')}\\s*$`, 'i'), '')
            : before;
          const previousWords = unqualified.match(WORD) ?? [];
          const previous = previousWords[previousWords.length - 1] ?? '';
          const previousLower = previous.toLowerCase();
          // A number after a naming noun labels something (`Chapter 11`, `number 19`), it counts nothing.
          const adjacent = new RegExp(`${previous.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+$`, 'u').test(unqualified);
          if (adjacent && (labels.has(previousLower) || (/^\p{Lu}/u.test(previous) && !/['’]s$/.test(previous))))
            continue;
          // The amount of a change is not the level anyone states (`rose 7,000`, `by £2,000`, `another 100`).
          if (previousWords.slice(-2).some((word) => changeWords.has(word.toLowerCase()))) continue;
          const measure = measureOf(doc.text, figure, priced ? undefined : unit, previousWords, {
            functionWords,
            measureUnits,
            left: () =>
              moneyMeasureLeft(leftOfInClause(text, figure.start - sentence.start), functionWords, changeWords),
          });
          const measured = measure?.split(' ').pop() ?? '';
          // A share of a change (`a 5% rise`) is the change again, not a level.
          if (!measure || timeUnits.has(measured) || (priced && changeWords.has(measured))) continue;
          const clause = clauseAround(text, figure.start - sentence.start, figure.end - sentence.start, lexicon);
          // What the figure is compared with (`53 basis points more than Treasuries`) is not its subject.
          const reach = comparedFrom(text, figure.end - sentence.start);
          clause.end = Math.min(clause.end, reach);
          const named = namesOfFigure(
            { text, start: sentence.start, end: sentence.end },
            { figure, clause, reach },
            { entities, timexes, capitals, functionWords },
          );
          if (!named) continue;
          const isPlace = (e: Span) => PLACE_LABELS.has(e.label) || countries.has(doc.text.slice(e.start, e.end));
          const writtenPlaces = named.written.filter((name) => countries.has(name)).map((name) => countries.get(name));
          const places = [
            ...new Set([...named.recognised.filter(isPlace).map((e) => subjectOf(e, doc.text)), ...writtenPlaces]),
          ].sort() as string[];
          // Who or what the figure is about: people, organisations, works; a demonym or `MISC` word only colours it.
          const actors = [
            ...new Set([
              ...named.recognised.filter((e) => !isPlace(e) && e.label !== 'MISC').map((e) => subjectOf(e, doc.text)),
              ...named.written.filter((name) => !countries.has(name)),
            ]),
          ].sort();
          const subjects = [
            ...new Set([...named.recognised.map((e) => subjectOf(e, doc.text)), ...places, ...actors]),
          ].sort();
          const within = (span: Span, from: number, to: number) => from <= span.start && span.end <= to;
          const dated =
            timexes.find((t) => within(t, sentence.start + clause.start, sentence.start + clause.end)) ??
            timexes.find((t) => within(t, sentence.start, sentence.end));
          const timeValue = dated ? String(dated.attrs?.value ?? '') : '';
          statements.push({
            doc: name,
            text,
            start: sentence.start,
            end: sentence.end,
            mark: { start: figure.start, end: figure.end },
            value,
            unit: priced ? unit : '',
            measure,
            subjects,
            places,
            actors,
            ...(timeValue && timeValue !== 'PRESENT_REF' ? { time: timeValue } : {}),
            ...(published ? { published } : {}),
            qualifier,
          });
        }
      }
      return statements;
    },
  };
}

interface NamedInClause {
  recognised: Span[];
  written: string[];
}

/**
 * The names a figure is about: recognised entities and capitalised names of its clause (else of its
 * sentence up to what it is compared with), leaving out who reports it; a source opening the sentence
 * is the subject when nothing else is named (`Acme said net profit was`). Undefined when none.
 */
function namesOfFigure(
  sentence: { text: string; start: number; end: number },
  at: { figure: Span; clause: { start: number; end: number }; reach: number },
  layers: { entities: Span[]; timexes: Span[]; capitals: ReadonlySet<string>; functionWords: ReadonlySet<string> },
): NamedInClause | undefined {
  const { text } = sentence;
  const sources = sourceStretches(text, at.figure.start - sentence.start, at.figure.end - sentence.start);
  const coveredBy = (stretches: readonly [number, number][]) => (from: number, to: number) =>
    stretches.some(([start, end]) => start <= from && to <= end);
  const within = (span: Span, from: number, to: number) => from <= span.start && span.end <= to;
  const covered = [...layers.entities, ...layers.timexes].filter((span) => within(span, sentence.start, sentence.end));
  const nameContext = {
    functionWords: layers.functionWords,
    capitals: layers.capitals,
    covered: (from: number, to: number) =>
      covered.some((span) => span.start < sentence.start + to && sentence.start + from < span.end),
  };
  const namesIn = (from: number, to: number, excluded: readonly [number, number][]): NamedInClause => ({
    recognised: layers.entities.filter(
      (e) =>
        within(e, sentence.start + from, sentence.start + to) &&
        !coveredBy(excluded)(e.start - sentence.start, e.end - sentence.start),
    ),
    written: capitalisedNames(text, from, to, nameContext, coveredBy(excluded)),
  });
  const none = (found: NamedInClause) => found.recognised.length + found.written.length === 0;
  let named = namesIn(at.clause.start, at.clause.end, sources.all);
  if (none(named)) named = namesIn(0, at.reach, sources.all);
  if (none(named)) named = namesIn(0, at.reach, sources.trailing);
  return none(named) ? undefined : named;
}

/** Money compares with money, a count with counts of the same noun. */
function kindOf(read: ReadUnit): string {
  if (read.kind === 'money') return read.currency;
  if (read.kind === 'percent') return 'percent';
  return singular(read.unit.split(/\s+/).pop() ?? '');
}

/**
 * What the figure measures: for a count, its noun phrase without the names in it (`US troops` → troop,
 * `senior appearances` → senior appearance); for money, the noun phrase after it (`a £50,000 prize`,
 * `£4bn of tax cuts`) or else the word before it that prices it (`fined $550,000`, `costs $15`).
 * Undefined when the counted phrase does not start with a lower-case word (a title: `20 Emcees`).
 */
function measureOf(
  text: string,
  figure: Span,
  /** The counted unit; undefined for money and percentages, which measure what they price. */
  unit: string | undefined,
  previousWords: readonly string[],
  words: { functionWords: ReadonlySet<string>; measureUnits: ReadonlySet<string>; left: () => string | undefined },
): string | undefined {
  const { functionWords } = words;
  const after = text.slice(figure.end, figure.end + 60);
  const nounAfter = (pattern: RegExp) => {
    const following = pattern.exec(after);
    if (!following) return undefined;
    const nouns = (following[1] as string).split(/\s+/);
    const cut = nouns.findIndex((word) => functionWords.has(word) || /(?:ed|ing|ly)$/.test(word));
    const kept = cut < 0 ? nouns : nouns.slice(0, cut);
    return kept.length > 0 ? [...kept.slice(0, -1), singular(kept[kept.length - 1] as string)].join(' ') : undefined;
  };
  if (unit !== undefined) {
    const unitWords = unit.split(/\s+/);
    const head = unitWords[unitWords.length - 1] ?? '';
    if (!/^\p{Ll}/u.test(head)) return undefined;
    const modifiers = unitWords.slice(0, -1).filter((word) => /^\p{Ll}/u.test(word) && !functionWords.has(word));
    const counted = [...modifiers.map((word) => word.toLowerCase()), singular(head)].join(' ');
    if (!words.measureUnits.has(singular(head))) return counted;
    // `11 mln tonnes` says how much, not of what: the thing follows (`of corn`) or precedes (`the crop was`).
    const thing = nounAfter(/^\s+of\s+((?:\p{Ll}[\p{L}-]*\s+){0,2}\p{Ll}[\p{L}-]*)/u) ?? words.left();
    return thing ? `${counted} of ${thing}` : undefined;
  }
  const following = nounAfter(/^\s+(?:of\s+)?((?:\p{Ll}[\p{L}-]*\s+){0,2}\p{Ll}[\p{L}-]*)/u);
  if (following) return following;
  const left = words.left();
  if (left)
    return left
      .split(' ')
      .map((word, at, all) => (at === all.length - 1 ? singular(word) : word))
      .join(' ');
  for (let at = previousWords.length - 1; at >= Math.max(0, previousWords.length - 3); at--) {
    const word = (previousWords[at] as string).toLowerCase();
    if (!functionWords.has(word) && /^\p{Ll}/u.test(previousWords[at] as string)) return word;
  }
  return undefined;
}

/**
 * Rounding a plain number allows: `2,500` stands for 2,450-2,550, `$1.7m` for 1.65-1.75 million,
 * `22,953` for itself; so `$150` and `$149` agree.
 */
function roundingOf(phrase: string, value: number): number {
  const digits = /(\d[\d,]*(?:\.\d+)?)/.exec(phrase)?.[1]?.replace(/,/g, '') ?? String(value);
  const written = Number(digits);
  const scale = written > 0 ? value / written : 1;
  const decimals = digits.includes('.') ? (digits.split('.')[1] as string).length : 0;
  if (decimals > 0) return scale * 10 ** -decimals;
  const zeros = /0*$/.exec(digits)?.[0].length ?? 0;
  return scale * 10 ** Math.min(zeros, Math.max(0, digits.length - 1));
}

/** Where what the figure is compared with begins (`53 basis points over Treasuries`): not its subject. */
function comparedFrom(sentence: string, from: number): number {
  const found = /\s(?:than|over|above|below|against|compared with|compared to)\s/i.exec(sentence.slice(from));
  return found ? from + found.index : sentence.length;
}

/** The stretch of the sentence between clause breaks (`;`, ` - `, `, while`) that holds the figure. */
function clauseAround(
  sentence: string,
  from: number,
  to: number,
  lexicon: ClaimsLexicon,
): { start: number; end: number } {
  let start = 0;
  let end = sentence.length;
  const lowerSentence = sentence.toLowerCase();
  for (const mark of lexicon.clauseBreaks) {
    for (let at = lowerSentence.indexOf(mark); at >= 0; at = lowerSentence.indexOf(mark, at + 1)) {
      if (at + mark.length <= from) start = Math.max(start, at + mark.length);
      else if (at >= to) end = Math.min(end, at);
    }
  }
  return { start, end };
}
