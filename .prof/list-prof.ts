import { openSqliteStore } from '../src/store/index.js';
import { queryStories, storyMembers } from '../src/query/index.js';
import { STORIES_STATE } from '../src/link/index.js';
const store = openSqliteStore(process.argv[2] as string, { readonly: true });
const time = (label: string, work: () => unknown, n = 20) => {
  work();
  const t = performance.now();
  for (let i = 0; i < n; i++) work();
  console.log(label.padEnd(30), ((performance.now() - t) / n).toFixed(2), 'ms');
};
time('corpusStateVersion', () => store.corpusStateVersion(STORIES_STATE));
for (const sort of ['size', 'newest', 'oldest'] as const) {
  time(`queryStories ${sort}`, () => queryStories(store, { sort, offset: 0, limit: 25 }));
  const page = queryStories(store, { sort, offset: 0, limit: 25 });
  time(`members ${sort}`, () => page?.stories.map((story) => storyMembers(store, story, 10)));
}
