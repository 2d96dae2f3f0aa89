import { openSqliteStore } from '../src/store/index.js';
import { describeStory, queryStories, storyMembers } from '../src/query/index.js';
import { STORIES_STATE } from '../src/link/index.js';
const t0 = performance.now();
const store = openSqliteStore(process.argv[2] as string, { readonly: process.argv[3] !== 'rw' });
console.log('open (migrations)', (performance.now() - t0).toFixed(0), 'ms');
const largest = [...(store.getCorpusState(STORIES_STATE) ?? [])].sort((a, b) => b.memberIds.length - a.memberIds.length).slice(0, 5);
console.log('largest', largest.map((s) => `${s.id}:${s.memberIds.length}`).join(' '));
for (let round = 0; round < 2; round++) {
  for (const sort of ['size', 'newest', 'oldest'] as const)
    for (const offset of [0, 25, 500]) {
      const t = performance.now();
      const page = queryStories(store, { sort, offset, limit: 25 });
      const t1 = performance.now();
      const rows = page?.stories.map((story) => storyMembers(store, story, 10));
      const t2 = performance.now();
      console.log(round, 'list', sort, offset, 'query', (t1 - t).toFixed(1), 'members', (t2 - t1).toFixed(1), rows?.length);
    }
  for (const story of largest) {
    const t = performance.now();
    const detail = describeStory(store, story.id);
    console.log(round, 'story', story.id, (performance.now() - t).toFixed(1), 'ms', detail?.total, 'versions', detail?.versions.length, 'quotes', detail?.quotes.length, 'json', JSON.stringify(detail).length);
  }
}
