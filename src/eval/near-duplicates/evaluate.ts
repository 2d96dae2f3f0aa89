import { join } from 'node:path';
import { NearDuplicateIndex, type NearDuplicateOptions } from '../../link/near-duplicates/index.js';
import { NEWS_DATA, type NewsRecord, readJsonl } from '../news-data.js';
import { type PRF, prf } from '../score.js';

interface SilverPair {
  a: string;
  b: string;
  jaccard5: number;
}

export interface CorpusResult {
  corpus: string;
  docs: number;
  /** Verified pairs at or above the threshold against silver pairs at or above it. */
  pairs: PRF;
  /** Every pair inside one group (transitive closure) against silver pairs at or above `groupFloor`. */
  groupPairs: PRF;
  buildMs: number;
  /** Predicted pairs the silver file lacks, and silver pairs not found, with both similarity figures. */
  extra: { a: string; b: string; jaccard: number; silver: number | null }[];
  missed: { a: string; b: string; silver: number; jaccard: number | null }[];
}

const CORPORA = ['bbc', 'reuters21578'] as const;

const pairKey = (a: string, b: string) => (a < b ? `${a}\t${b}` : `${b}\t${a}`);

/**
 * Builds one index per corpus and scores its verified pairs against the corpus's silver pairs:
 * the target is recall ≥ 0.99 of pairs with Jaccard ≥ 0.8 at precision 1.0.
 */
export function evaluateNearDuplicates(
  options: { data?: string; threshold?: number; groupFloor?: number; limit?: number } & NearDuplicateOptions = {},
): CorpusResult[] {
  const threshold = options.threshold ?? 0.8;
  const groupFloor = options.groupFloor ?? 0.5;
  return CORPORA.map((corpus) => {
    const folder = join(options.data ?? NEWS_DATA, corpus);
    let records = readJsonl<NewsRecord>(join(folder, `${corpus}.jsonl.gz`));
    if (options.limit) records = records.slice(0, options.limit);
    const ids = new Set(records.map((record) => record.id));
    const silver = readJsonl<SilverPair>(join(folder, `${corpus}-near-dup-pairs.silver.jsonl.gz`)).filter(
      (pair) => ids.has(pair.a) && ids.has(pair.b),
    );
    const silverByKey = new Map(silver.map((pair) => [pairKey(pair.a, pair.b), pair.jaccard5]));
    const start = performance.now();
    const index = new NearDuplicateIndex({ ...options, threshold: Math.min(threshold, groupFloor) }, records.length);
    for (const record of records) index.add(record.text);
    const buildMs = performance.now() - start;

    const found = new Map<string, number>();
    for (const [a, b, jaccard] of index.edges()) {
      found.set(pairKey((records[a] as NewsRecord).id, (records[b] as NewsRecord).id), jaccard);
    }
    const predicted = [...found].filter(([, jaccard]) => jaccard >= threshold);
    const gold = silver.filter((pair) => pair.jaccard5 >= threshold);
    const goldKeys = new Set(gold.map((pair) => pairKey(pair.a, pair.b)));
    const tp = predicted.filter(([key]) => goldKeys.has(key)).length;
    const extra = predicted
      .filter(([key]) => !goldKeys.has(key))
      .map(([key, jaccard]) => {
        const [a, b] = key.split('\t') as [string, string];
        return { a, b, jaccard, silver: silverByKey.get(key) ?? null };
      });
    const predictedKeys = new Set(predicted.map(([key]) => key));
    const missed = gold
      .filter((pair) => !predictedKeys.has(pairKey(pair.a, pair.b)))
      .map((pair) => ({ ...pair, silver: pair.jaccard5, jaccard: found.get(pairKey(pair.a, pair.b)) ?? null }));

    const groupKeys = new Set<string>();
    for (const members of index.groups()) {
      for (let i = 0; i < members.length; i++)
        for (let j = i + 1; j < members.length; j++)
          groupKeys.add(
            pairKey((records[members[i] as number] as NewsRecord).id, (records[members[j] as number] as NewsRecord).id),
          );
    }
    const floorKeys = new Set(silver.filter((pair) => pair.jaccard5 >= groupFloor).map((p) => pairKey(p.a, p.b)));
    const groupTp = [...groupKeys].filter((key) => floorKeys.has(key)).length;
    return {
      corpus,
      docs: records.length,
      pairs: prf({ tp, fp: predicted.length - tp, fn: gold.length - tp }),
      groupPairs: prf({ tp: groupTp, fp: groupKeys.size - groupTp, fn: floorKeys.size - groupTp }),
      buildMs,
      extra,
      missed,
    };
  });
}
