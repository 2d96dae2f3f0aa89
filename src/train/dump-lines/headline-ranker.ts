/**
 * The headline ranker's weights: an averaged perceptron over the candidate lines of each training
 * dump (headline.ts), beside a "no headline" choice that is right when no candidate says the
 * page's title. Candidates come from dumps classified by a line model that did not see them
 * (cross-fitted), so the ranker learns how far to trust the classifier on unseen dumps.
 */
import { type ClassifiedLine, headlineCandidates, NO_HEADLINE } from '../../clean/index.js';
import { seededRandom } from '../../nlp/index.js';

export interface RankingExample {
  candidates: string[][];
  /** Index of the right candidate, or -1 when "no headline" is right. */
  gold: number;
}

/** The ranking example of one classified dump whose headline line (if any) is `headlineIndex` (a raw line index). */
export function rankingExample(lines: readonly ClassifiedLine[], headlineIndex: number | undefined): RankingExample {
  const firstBody = lines.findIndex((line) => line.role === 'body');
  const body = lines
    .filter((line) => line.role === 'body')
    .map((line) => line.text)
    .join(' ');
  const candidates = headlineCandidates({ lines, firstBody, from: 0, body });
  const gold = candidates.findIndex((candidate) => lines[candidate.at]?.index === headlineIndex);
  return { candidates: candidates.map((candidate) => candidate.features), gold };
}

export function trainHeadlineRanker(
  examples: readonly RankingExample[],
  epochs: number,
  seed: number,
  log: (line: string) => void,
): Record<string, number> {
  const weights = new Map<string, number>();
  const sums = new Map<string, number>();
  let step = 1;
  const add = (features: readonly string[], delta: number) => {
    for (const feature of features) {
      weights.set(feature, (weights.get(feature) ?? 0) + delta);
      sums.set(feature, (sums.get(feature) ?? 0) + step * delta);
    }
  };
  const score = (features: readonly string[]) => features.reduce((sum, f) => sum + (weights.get(f) ?? 0), 0);
  const random = seededRandom(seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let right = 0;
    for (const index of order) {
      const example = examples[index] as RankingExample;
      const choices = [[NO_HEADLINE], ...example.candidates];
      let best = 0;
      let bestScore = score(choices[0] as string[]);
      choices.forEach((features, k) => {
        const value = score(features);
        if (value > bestScore) {
          bestScore = value;
          best = k;
        }
      });
      const gold = example.gold + 1;
      if (best === gold) right++;
      else {
        add(choices[gold] as string[], 1);
        add(choices[best] as string[], -1);
      }
      step++;
    }
    if (epoch === epochs)
      log(
        `headline ranker: ${examples.length} dumps, right on ${(right / examples.length).toFixed(3)} in the last epoch`,
      );
  }
  const averaged: Record<string, number> = {};
  for (const [feature, weight] of [...weights].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const value = Math.round((weight - (sums.get(feature) ?? 0) / step) * 10000) / 10000;
    if (value !== 0) averaged[feature] = value;
  }
  return averaged;
}
