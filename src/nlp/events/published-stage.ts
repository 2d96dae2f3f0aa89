import type { Stage } from '../../model/index.js';
import { createTimexFinder, type TimexFinder } from '../timex/index.js';
import { ESTIMATED_FROM_CONTENTS, estimatePublishedWithReason } from './estimate-published.js';

/**
 * The publication date of an undated document, estimated from its contents (`estimatePublished`),
 * as a stage: its output is `meta.published`. A date the document states, or one inherited from a
 * dated twin, stands; only an estimate of this stage's own is redone, so a newer version of it
 * replaces what an older one wrote. A document left undated says why in an info message. Runs after the stages that read `meta.published` as stated
 * (events), which would otherwise take the estimate for a stated date.
 */
export function createPublishedEstimateStage(): Stage<never, 'meta.published'> {
  let finder: TimexFinder | undefined;
  return {
    name: 'nlp/published-estimate',
    // 5: an anniversary remembers a date told in the past tense and dates nothing after the fetch time.
    version: 5,
    requires: [],
    produces: ['meta.published'],
    run: (doc, report) => {
      const current = doc.meta.published;
      if (current && current.from !== ESTIMATED_FROM_CONTENTS) return { meta: { published: current } };
      if (!doc.text) return {};
      finder ??= createTimexFinder();
      const estimate = estimatePublishedWithReason(doc.text, finder, doc.source.fetchedAt);
      if (estimate.undated)
        report.info(`not dated from its text: ${estimate.undated}`, { ruleId: 'published-estimate/undated' });
      return { meta: { published: estimate.value } };
    },
  };
}
