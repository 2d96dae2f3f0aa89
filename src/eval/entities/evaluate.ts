/** `lede eval entities`: entity-level exact-span P/R/F1 on CoNLL-2003, model beside the baseline, with speed. */
import { join } from 'node:path';
import {
  type ConllDocument,
  type EntityModel,
  entitiesFromIob,
  harmoniseDocument,
  loadNameTables,
  type NameTables,
  readConll,
  readEntityModel,
  retypeUnlikelyPersons,
  tagByCapitalisation,
  tagDocumentScored,
  titledBefore,
} from '../../nlp/entities/index.js';
import { formatScoreTable, LabelScorer } from '../score.js';
import { readConllSplit } from './splits.js';

export interface ConllReport {
  split: string;
  documents: number;
  tokens: number;
  loadMs: number;
  loadCpuMs: number;
  /** Tokens per second of CPU time of this process (one core), and per second of wall-clock time. */
  tokensPerCpuSecond: number;
  tokensPerSecond: number;
  model: ReturnType<LabelScorer['rows']>;
  baseline: ReturnType<LabelScorer['rows']>;
}

const WARMUP_DOCUMENTS = 200;

export function evaluateOnConll(modelPath: string, dataDir: string, split: string, limit?: number): ConllReport {
  const started = performance.now();
  const loadCpu = process.cpuUsage();
  const model = readEntityModel(modelPath);
  const loadMs = performance.now() - started;
  const loadCpuMs = cpuMs(process.cpuUsage(loadCpu));
  const docs = readConllSplit(dataDir, split).slice(0, limit);
  const tokens = docs.reduce((sum, doc) => sum + doc.sentences.reduce((n, s) => n + s.words.length, 0), 0);
  // Steady-state speed: compile the hot paths first, as a long-running process would, on other
  // documents (train) so that the per-word cache holds no word of the timed split for free.
  const warmup = split === 'train' ? [] : readConll(join(dataDir, 'train.txt.gz')).slice(0, WARMUP_DOCUMENTS);
  for (const doc of warmup) recogniseConllDocument(model, doc);
  const timed = performance.now();
  const cpu = process.cpuUsage();
  const tagged = docs.map((doc) => recogniseConllDocument(model, doc));
  const cpuSeconds = cpuMs(process.cpuUsage(cpu)) / 1000;
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
    loadCpuMs,
    tokensPerCpuSecond: tokens / cpuSeconds,
    tokensPerSecond: tokens / seconds,
    model: scorer.rows(),
    baseline: baseline.rows(),
  };
}

let tables: NameTables | undefined;

/** What the stage does, on CoNLL's own tokens and sentences. */
export function recogniseConllDocument(model: EntityModel, doc: ConllDocument) {
  const sentences = doc.sentences.map((sentence) => sentence.words);
  const scored = tagDocumentScored(model, sentences);
  tables ??= loadNameTables();
  const tagged = retypeUnlikelyPersons(sentences, scored, titledBefore(tables));
  return harmoniseDocument(sentences, tagged, { vote: false, propagate: true });
}

export function formatConllReport(report: ConllReport): string {
  return [
    `CoNLL-2003 ${report.split}: ${report.documents} documents, ${report.tokens} tokens; entity-level, exact span and type`,
    '',
    formatScoreTable('lede entities (averaged perceptron, models/entities.json.gz)', report.model),
    '',
    formatScoreTable('baseline: capitalised runs typed by the same name lists (no learning)', report.baseline),
    '',
    `model load ${report.loadMs.toFixed(0)} ms wall (${report.loadCpuMs.toFixed(0)} ms CPU); tagging (tokens → consistent entities, one thread, after a warm-up on 200 train documents) ${Math.round(report.tokensPerCpuSecond)} tokens per CPU-second, ${Math.round(report.tokensPerSecond)} tokens/s wall-clock`,
  ].join('\n');
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}
