/**
 * Statements across the corpus: every attributed quote in the store, grouped by `groupStatements`
 * (nlp/quotes) so that one quote reported by several articles is one statement with several sources.
 * Each document's quotes are read once and kept (`QUOTE_FACTS`); the grouping is saved as corpus state.
 */
import { basename } from 'node:path';
import { type Doc, defineCorpusState, defineDocFacts, type Span } from '../../model/index.js';
import { type GroupOptions, groupStatements, normaliseStatement, type Statement } from '../../nlp/quotes/index.js';
import type { DocFilter, Store } from '../../store/index.js';
import { corpusFacts } from '../corpus-facts.js';
import { refOf, type SourceRef } from '../store-docs.js';

/** One report of a statement: the quote in one document, with the sentence it sits in. */
export interface StatementSource extends SourceRef {
  spanId: string;
  start: number;
  end: number;
  kind: string;
  /** `doc.text.slice(start, end)`. */
  text: string;
  speakerName?: string;
  speakerMention?: string;
  cue?: string;
  medium?: string;
  /** When the text says the words were spoken: TIMEX3 value when resolved, else the phrase. */
  date?: string;
  /** The sentence (or sentences) around the quote, at most 600 characters. */
  sentence: string;
}

export interface SavedStatement {
  /** The longest wording, normalised. */
  key: string;
  speakerName?: string;
  /** Distinct normalised wordings, longest first: how the wording changed between reports. */
  wordings: string[];
  /** Distinct documents reporting it. */
  documents: number;
  sources: StatementSource[];
}

export interface StatementsState {
  computedAt: string;
  documents: number;
  quotes: number;
  statements: SavedStatement[];
}

export const STATEMENTS_STATE = defineCorpusState<StatementsState>('statements');

/** Scare quotes quote nobody, so they are never statements. */
const STATEMENT_KINDS = new Set(['direct', 'partial', 'indirect']);
const SENTENCE_LIMIT = 600;

export function statementSources(doc: Doc): StatementSource[] {
  const sentences = doc.layers.sentences ?? [];
  const name = doc.externalId ?? (basename(doc.source.uri ?? '') || doc.id);
  const attr = (span: Span, key: string) => {
    const value = span.attrs?.[key];
    return typeof value === 'string' && value ? value : undefined;
  };
  return (doc.layers.quotes ?? [])
    .filter((quote) => STATEMENT_KINDS.has(quote.label))
    .map((quote) => {
      const speakerStart = quote.attrs?.speakerStart;
      const speakerEnd = quote.attrs?.speakerEnd;
      const cueStart = quote.attrs?.cueStart;
      const cueEnd = quote.attrs?.cueEnd;
      return {
        ...refOf(doc, name),
        spanId: quote.id,
        start: quote.start,
        end: quote.end,
        kind: quote.label,
        text: doc.text.slice(quote.start, quote.end),
        speakerName: attr(quote, 'speakerName'),
        speakerMention:
          typeof speakerStart === 'number' && typeof speakerEnd === 'number'
            ? doc.text.slice(speakerStart, speakerEnd)
            : undefined,
        cue: typeof cueStart === 'number' && typeof cueEnd === 'number' ? doc.text.slice(cueStart, cueEnd) : undefined,
        medium: attr(quote, 'medium'),
        date: attr(quote, 'dateValue') ?? attr(quote, 'date'),
        sentence: sentenceAround(doc.text, sentences, quote),
      };
    });
}

/**
 * Where the sentences overlapping a span lie, or, when they run over `limit` characters, a window of
 * at most `limit` starting 150 before the span (`clippedBefore` / `clippedAfter`: text was left out).
 */
export function sentenceWindow(
  sentences: readonly Span[],
  span: { start: number; end: number },
  limit = SENTENCE_LIMIT,
): { start: number; end: number; clippedBefore: boolean; clippedAfter: boolean } {
  const touching = sentences.filter((sentence) => sentence.start < span.end && sentence.end > span.start);
  const start = Math.min(span.start, ...touching.map((sentence) => sentence.start));
  const end = Math.max(span.end, ...touching.map((sentence) => sentence.end));
  if (end - start <= limit) return { start, end, clippedBefore: false, clippedAfter: false };
  const from = Math.max(start, span.start - 150);
  return { start: from, end: Math.min(end, from + limit), clippedBefore: from > start, clippedAfter: true };
}

/** The sentences overlapping the quote, trimmed to a window around it when they run long. */
export function sentenceAround(text: string, sentences: readonly Span[], span: { start: number; end: number }): string {
  const window = sentenceWindow(sentences, span);
  return `${window.clippedBefore ? '…' : ''}${text.slice(window.start, window.end)}${window.clippedAfter ? '…' : ''}`;
}

export function groupSources(
  sources: readonly StatementSource[],
  words?: readonly (readonly string[])[],
  earlier?: GroupOptions['earlier'],
): SavedStatement[] {
  const records: Statement[] = sources.map((source, index) => ({
    id: String(index),
    docId: source.docId,
    text: source.text,
    speakerName: source.speakerName,
    ...(words?.[index] ? { words: words[index] } : {}),
  }));
  return groupStatements(records, earlier ? { earlier } : {})
    .map((group) => {
      const members = group.members.map((member) => sources[Number(member.id)] as StatementSource);
      members.sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.name.localeCompare(b.name));
      return {
        key: group.key,
        speakerName: mostCommon(members.map((member) => member.speakerName)),
        wordings: group.wordings,
        documents: new Set(members.map((member) => member.docId)).size,
        sources: members,
      };
    })
    .sort((a, b) => b.documents - a.documents || b.sources.length - a.sources.length || a.key.localeCompare(b.key));
}

/** One report may resolve the speaker wrongly (`she` → another person): the group shows the majority name. */
function mostCommon(values: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) if (!best || count > (counts.get(best) ?? 0)) best = value;
  return best;
}

/** A quote as read out of its document, without what the document's reference adds. */
export type QuoteFact = Omit<StatementSource, keyof SourceRef> & { words: string[] };

/** Each document's quotes, kept per document so that linking reads only new documents. */
export const QUOTE_FACTS = defineDocFacts<QuoteFact[]>('quotes', 1);

/**
 * Groups every stored quote into statements and saves them as the `statements` corpus state. The
 * groups saved last time are kept and only the quotes of newly read documents compared (see
 * `groupStatements`), unless a document they hold was rewritten or is gone.
 */
export async function computeStatements(store: Store, filter: DocFilter = {}): Promise<StatementsState> {
  const { documents } = await corpusFacts(
    store,
    QUOTE_FACTS,
    {
      read: (doc) =>
        statementSources(doc).map(
          ({ docId: _docId, name: _name, headline: _headline, outlet: _outlet, published: _published, ...quote }) => ({
            ...quote,
            words: normaliseStatement(quote.text).split(' ').filter(Boolean),
          }),
        ),
      rename: (facts) => facts,
    },
    filter,
  );
  const sources: StatementSource[] = [];
  const words: string[][] = [];
  const fresh = new Set<string>();
  for (const { ref, facts, fresh: isFresh } of documents) {
    if (isFresh) fresh.add(ref.docId);
    for (const { words: quoteWords, ...quote } of facts) {
      sources.push({ ...ref, ...quote });
      words.push(quoteWords);
    }
  }
  const whole = Object.keys(filter).length === 0;
  const earlier = whole ? earlierGroups(await store.getCorpusState(STATEMENT_GROUPS_STATE), sources, fresh) : undefined;
  const state: StatementsState = {
    computedAt: new Date().toISOString(),
    documents: documents.length,
    quotes: sources.length,
    statements: groupSources(sources, words, earlier),
  };
  await store.putCorpusState(STATEMENTS_STATE, state);
  await store.putCorpusState(STATEMENT_GROUPS_STATE, {
    complete: whole,
    groups: whole
      ? state.statements
          .filter((statement) => statement.sources.length > 1)
          .map((statement) => statement.sources.map(quoteKey))
      : [],
  });
  return state;
}

/**
 * The statements of more than one quote, as quote keys, from the last run over the whole store:
 * all a later run needs to keep them (a quote alone joins nothing), far smaller than the statements.
 */
interface StatementGroupsState {
  complete: boolean;
  groups: string[][];
}

const STATEMENT_GROUPS_STATE = defineCorpusState<StatementGroupsState>('statement-groups');

function quoteKey(source: Pick<StatementSource, 'docId' | 'spanId'>): string {
  return `${source.docId} ${source.spanId}`;
}

/**
 * The groups of the last run as indexes into `sources`, or undefined when they cannot stand: that
 * run saw part of the store only, or a document they hold was read again (rewritten) or is gone.
 */
function earlierGroups(
  saved: StatementGroupsState | undefined,
  sources: readonly StatementSource[],
  fresh: ReadonlySet<string>,
): GroupOptions['earlier'] {
  if (!saved?.complete) return undefined;
  const indexOf = new Map(sources.map((source, index) => [quoteKey(source), index]));
  const groups: number[][] = [];
  for (const keys of saved.groups) {
    const group: number[] = [];
    for (const key of keys) {
      const index = indexOf.get(key);
      if (index === undefined || fresh.has((sources[index] as StatementSource).docId)) return undefined;
      group.push(index);
    }
    groups.push(group);
  }
  return { groups, isNew: (index) => fresh.has((sources[index] as StatementSource).docId) };
}
