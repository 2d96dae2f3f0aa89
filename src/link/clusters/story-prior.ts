import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { modelPath } from '../../resources/index.js';
import { extractStoryTerms, loadStopwords } from './story-terms.js';

/** Document frequencies of story terms in a background news corpus: how rare a term is before any document arrives. */
export interface StoryPrior {
  docs: number;
  df: Map<string, number>;
}

export const STORY_PRIOR_FILE = modelPath('story-df.json.gz');

/** Terms seen in fewer documents than this are left out: absent terms count as unseen, which is nearly the same. */
export const MIN_DF = 3;

export function buildStoryPrior(texts: readonly { text: string; title?: string | null }[]): StoryPrior {
  const stopwords = loadStopwords();
  const df = new Map<string, number>();
  for (const { text, title } of texts) {
    const terms = extractStoryTerms(
      {
        text,
        meta: { headline: title ?? undefined, sections: [], captions: [], subheads: [], boilerplate: [] },
        layers: {},
      },
      stopwords,
    );
    for (const term of terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  }
  for (const [term, count] of df) if (count < MIN_DF) df.delete(term);
  return { docs: texts.length, df };
}

let cached: StoryPrior | null | undefined;

/** The shipped prior, or null when `lede train story-prior` has not been run. */
export function loadStoryPrior(file = STORY_PRIOR_FILE): StoryPrior | null {
  if (file === STORY_PRIOR_FILE && cached !== undefined) return cached;
  const prior = existsSync(file)
    ? (() => {
        const json = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as {
          docs: number;
          df: Record<string, number>;
        };
        return { docs: json.docs, df: new Map(Object.entries(json.df)) };
      })()
    : null;
  if (file === STORY_PRIOR_FILE) cached = prior;
  return prior;
}

/**
 * Names the shipped prior by its size, for what is kept computed under it (the kept story index's
 * norms): a retrained prior makes it stale.
 */
export function storyPriorSignature(): string {
  const prior = loadStoryPrior();
  return prior ? `${prior.docs} documents, ${prior.df.size} terms` : 'none';
}
