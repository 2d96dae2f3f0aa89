/**
 * `lede eval timex`: TempEval-3-style scores on the TBAQ TIMEX3 data, lede's tagger beside plain
 * chrono-node in the same run. Strict = same offsets; relaxed = any overlap (type ignored, as in
 * TempEval-3). Value F1 counts a gold timex as found only when an overlapping prediction also has
 * its exact value; value accuracy = value matches / relaxed matches.
 */

import { join } from 'node:path';
import {
  createTimexFinder,
  type Day,
  findTimexesWithChrono,
  parseDay,
  type TimexFinding,
} from '../../nlp/timex/index.js';
import { readJsonlGz, SHARED_DATA } from '../../resources/index.js';
import type { EvalOptions, Evaluation } from '../contract.js';
import { addCounts, type Counts, countSpanMatches, formatScoreTable, type PRF, prf } from '../score.js';

export interface TempEvalDocument {
  id: string;
  subcorpus: string;
  dct: string;
  text: string;
  timexes: { start: number; end: number; text: string; type: string; value: string }[];
}

export function readTempEval(dir: string): TempEvalDocument[] {
  return readJsonlGz<TempEvalDocument>(join(dir, 'tbaq.jsonl.gz'));
}

export interface TimexScores {
  strict: PRF;
  relaxed: PRF;
  type: PRF;
  value: PRF;
  valueAccuracy: number;
  typeAccuracy: number;
}

type Tagger = (text: string, anchor: Day, document: TempEvalDocument) => TimexFinding[];

export function scoreTagger(documents: TempEvalDocument[], tagger: Tagger): TimexScores {
  const strict: Counts = { tp: 0, fp: 0, fn: 0 };
  const relaxed: Counts = { tp: 0, fp: 0, fn: 0 };
  const typed: Counts = { tp: 0, fp: 0, fn: 0 };
  const valued: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const document of documents) {
    const anchor = parseDay(document.dct) as Day;
    const predicted = tagger(document.text, anchor, document);
    const gold = document.timexes;
    addCounts(strict, countSpanMatches(gold, predicted, 'exact', true));
    addCounts(relaxed, countSpanMatches(gold, predicted, 'overlap', true));
    const byType = (spans: { start: number; end: number; type: string }[]) =>
      spans.map((span) => ({ start: span.start, end: span.end, label: span.type }));
    addCounts(typed, countSpanMatches(byType(gold), byType(predicted), 'overlap'));
    const byValue = (spans: { start: number; end: number; value: string }[]) =>
      spans.map((span) => ({ start: span.start, end: span.end, label: span.value }));
    addCounts(valued, countSpanMatches(byValue(gold), byValue(predicted), 'overlap'));
  }
  return {
    strict: prf(strict),
    relaxed: prf(relaxed),
    type: prf(typed),
    value: prf(valued),
    valueAccuracy: relaxed.tp === 0 ? 0 : valued.tp / relaxed.tp,
    typeAccuracy: relaxed.tp === 0 ? 0 : typed.tp / relaxed.tp,
  };
}

function table(title: string, scores: TimexScores): string {
  const rows = (['strict', 'relaxed', 'type', 'value'] as const).map((name) => ({ name, score: scores[name] }));
  return `${formatScoreTable(title, rows)}\nvalue accuracy ${scores.valueAccuracy.toFixed(4)}   type accuracy ${scores.typeAccuracy.toFixed(4)}`;
}

export const timexEvaluation: Evaluation = {
  description: 'TIMEX3 extraction and normalisation on TempEval-3 TBAQ, lede beside plain chrono-node',
  async run(options: EvalOptions) {
    let documents = readTempEval(options.data ?? join(SHARED_DATA, 'timex/tempeval3-tbaq'));
    if (options.split)
      documents = documents.filter((document) => document.subcorpus.toLowerCase() === options.split?.toLowerCase());
    if (options.limit) documents = documents.slice(0, options.limit);
    const finder = createTimexFinder();
    const lede = scoreTagger(documents, (text, anchor) => finder.find(text, anchor));
    const chrono = scoreTagger(documents, findTimexesWithChrono);
    const count = documents.reduce((sum, document) => sum + document.timexes.length, 0);
    const text = [
      `TempEval-3 TBAQ: ${documents.length} documents, ${count} gold TIMEX3${options.split ? ` (split ${options.split})` : ''}`,
      '',
      table('lede (nlp/timex)', lede),
      '',
      table('chrono-node (plain)', chrono),
    ].join('\n');
    return { text, json: { documents: documents.length, timexes: count, lede, chrono } };
  },
};
