/**
 * `lede eval audits`: precision of each judged finding kind, per corpus and per round, with a 95%
 * Wilson interval, since a sample of 100 leaves several points of doubt either way.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dataPath } from '../../resources/index.js';
import type { EvalOptions, Evaluation } from '../contract.js';
import { type AuditJudgement, readAuditFile } from './judgement.js';

export interface AuditFigure {
  kind: string;
  corpus: string;
  round: string;
  judged: number;
  right: number;
  precision: number;
  low: number;
  high: number;
  /** Per point judged (`readable`, `date`, ...): the share that held. */
  checks: Record<string, number>;
}

/** Wilson score interval at 95%: honest for small samples and for shares near 0 or 1. */
export function wilsonInterval(right: number, total: number): { low: number; high: number } {
  if (total === 0) return { low: 0, high: 0 };
  const z = 1.96;
  const share = right / total;
  const denominator = 1 + (z * z) / total;
  const centre = (share + (z * z) / (2 * total)) / denominator;
  const spread = (z * Math.sqrt((share * (1 - share)) / total + (z * z) / (4 * total * total))) / denominator;
  return { low: Math.max(0, centre - spread), high: Math.min(1, centre + spread) };
}

export function auditFigures(judgements: readonly AuditJudgement[]): AuditFigure[] {
  const groups = new Map<string, AuditJudgement[]>();
  for (const judgement of judgements) {
    const key = [judgement.kind, judgement.corpus, judgement.round].join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), judgement]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as AuditJudgement;
    const right = group.filter((judgement) => judgement.verdict === 'right').length;
    const checkCounts = new Map<string, { held: number; total: number }>();
    for (const judgement of group)
      for (const [name, held] of Object.entries(judgement.checks ?? {})) {
        const count = checkCounts.get(name) ?? { held: 0, total: 0 };
        count.total++;
        if (held) count.held++;
        checkCounts.set(name, count);
      }
    return {
      kind: first.kind,
      corpus: first.corpus,
      round: first.round,
      judged: group.length,
      right,
      precision: right / group.length,
      ...wilsonInterval(right, group.length),
      checks: Object.fromEntries([...checkCounts].map(([name, count]) => [name, count.held / count.total])),
    };
  });
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

export const auditsEvaluation: Evaluation = {
  description: 'precision of claims, timeline events, estimated dates and quotes on random samples judged by reading',
  async run(options: EvalOptions) {
    const folder = options.data ?? dataPath('audits');
    const files = (existsSync(folder) ? readdirSync(folder) : []).filter((name) => name.endsWith('.jsonl')).sort();
    const figures = auditFigures(files.flatMap((name) => readAuditFile(join(folder, name))));
    const lines = [
      `Judged samples in ${folder}`,
      'kind                corpus   round    judged  precision  95% interval',
    ];
    for (const figure of figures) {
      const checks = Object.entries(figure.checks)
        .map(([name, share]) => `${name} ${percent(share)}`)
        .join(', ');
      lines.push(
        [
          figure.kind.padEnd(19),
          figure.corpus.padEnd(8),
          figure.round.padEnd(8),
          String(figure.judged).padStart(6),
          percent(figure.precision).padStart(10),
          `  ${percent(figure.low)}–${percent(figure.high)}`,
          checks ? `  (${checks})` : '',
        ].join(' '),
      );
    }
    if (figures.length === 0) lines.push('(no judged sample yet)');
    return { text: lines.join('\n'), json: figures };
  },
};
