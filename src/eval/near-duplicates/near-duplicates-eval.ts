import { VERSION_THRESHOLD } from '../../link/near-duplicates/index.js';
import type { EvalOptions, Evaluation } from '../contract.js';
import { formatScoreTable } from '../score.js';
import { evaluateNearDuplicates } from './evaluate.js';

/** `lede eval near-duplicates`: verified pairs against the BBC and Reuters silver pairs. */
export const nearDuplicatesEvaluation: Evaluation = {
  description: 'near-duplicate pairs (MinHash-LSH + exact Jaccard) against the bbc and reuters21578 silver pairs',
  async run(options: EvalOptions) {
    const runs = [0.8, VERSION_THRESHOLD].map((threshold) => ({
      threshold,
      results: evaluateNearDuplicates({ data: options.data, limit: options.limit, threshold, groupFloor: threshold }),
    }));
    const blocks: string[] = [];
    for (const { threshold, results } of runs) {
      blocks.push(
        formatScoreTable(
          `Pairs with word-5-shingle Jaccard ≥ ${threshold} (verified pairs against silver pairs ≥ ${threshold})`,
          results.map((result) => ({ name: result.corpus, score: result.pairs })),
        ),
        formatScoreTable(
          `All pairs inside one group of versions (transitive) against silver pairs ≥ ${threshold}`,
          results.map((result) => ({ name: result.corpus, score: result.groupPairs })),
        ),
      );
      for (const result of results) {
        blocks.push(`${result.corpus}: ${result.docs} docs indexed in ${Math.round(result.buildMs)} ms`);
        for (const pair of result.extra.slice(0, 5)) blocks.push(`  not in silver: ${JSON.stringify(pair)}`);
        for (const pair of result.missed.slice(0, 5)) blocks.push(`  missed: ${JSON.stringify(pair)}`);
      }
      blocks.push('');
    }
    return { text: blocks.join('\n'), json: runs };
  },
};
