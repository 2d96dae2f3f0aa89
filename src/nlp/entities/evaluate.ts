/** `lede eval entities`: entity-level exact-span P/R/F1 on CoNLL-2003, model beside the baseline, with speed. */
import { join } from 'node:path';
import { formatScoreTable, LabelScorer } from '../../eval/score.js';
import { tagByCapitalisation } from './baseline.js';
import { type ConllDocument, entitiesFromIob, readConll } from './conll.js';
import { harmoniseDocument } from './consistency.js';
import { type EntityModel, readEntityModel, tagDocument } from './model.js';

export interface ConllReport {
  split: string;
  documents: number;
  tokens: number;
  loadMs: number;
  tokensPerSecond: number;
  model: ReturnType<LabelScorer['rows']>;
  baseline: ReturnType<LabelScorer['rows']>;
}

export function evaluateOnConll(modelPath: string, dataDir: string, split: string, limit?: number): ConllReport {
  const started = performance.now();
  const model = readEntityModel(modelPath);
  const loadMs = performance.now() - started;
  const docs = readConll(join(dataDir, `${split}.txt.gz`)).slice(0, limit);
  const tokens = docs.reduce((sum, doc) => sum + doc.sentences.reduce((n, s) => n + s.words.length, 0), 0);
  const timed = performance.now();
  const tagged = docs.map((doc) => recogniseConllDocument(model, doc));
  const seconds = (performance.now() - timed) / 1000;
  const scorer = new LabelScorer();
  const baseline = new LabelScorer();
  const lists = [model.induced, model.listed];
  docs.forEach((doc, d) => {
    doc.sentences.forEach((sentence, s) => {
      const gold = entitiesFromIob(sentence.tags);
      scorer.add(gold, tagged[d]?.[s] ?? [], 'exact');
      baseline.add(gold, tagByCapitalisation(sentence.words, lists), 'exact');
    });
  });
  return {
    split,
    documents: docs.length,
    tokens,
    loadMs,
    tokensPerSecond: tokens / seconds,
    model: scorer.rows(),
    baseline: baseline.rows(),
  };
}

/** What the stage does, on CoNLL's own tokens and sentences. */
export function recogniseConllDocument(model: EntityModel, doc: ConllDocument) {
  const sentences = doc.sentences.map((sentence) => sentence.words);
  return harmoniseDocument(sentences, tagDocument(model, sentences), { vote: false, propagate: true });
}

export function formatConllReport(report: ConllReport): string {
  return [
    `CoNLL-2003 ${report.split}: ${report.documents} documents, ${report.tokens} tokens; entity-level, exact span and type`,
    '',
    formatScoreTable('lede entities (averaged perceptron, models/entities.json.gz)', report.model),
    '',
    formatScoreTable('baseline: capitalised runs typed by the same name lists (no learning)', report.baseline),
    '',
    `model load ${report.loadMs.toFixed(0)} ms; tagging ${Math.round(report.tokensPerSecond)} tokens/s on one core`,
  ].join('\n');
}
