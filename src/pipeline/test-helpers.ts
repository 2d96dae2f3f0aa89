import { DUPLICATES_STATE, STORIES_STATE } from '../link/index.js';
import type { AnyStage } from '../model/index.js';
import type { Store } from '../store/index.js';

/** The stage unchanged but for a note of its name in `ran` each time it runs, for tests of what reruns. */
export function recordingRuns(ran: string[]): (stage: AnyStage) => AnyStage {
  return (stage) => ({
    ...stage,
    run: (doc, report) => {
      ran.push(stage.name);
      return stage.run(doc, report);
    },
  });
}

/** What linking placed, as a test compares two runs: stories, version groups and each document's links. */
export async function placedLinks(store: Store) {
  const links = [];
  for (const doc of await store.listDocuments({})) links.push(await store.getDocLink(doc.id));
  return {
    stories: await store.getCorpusState(STORIES_STATE),
    versions: await store.getCorpusState(DUPLICATES_STATE),
    links,
  };
}
