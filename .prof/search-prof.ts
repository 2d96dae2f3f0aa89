import { openSqliteStore } from '../src/store/index.js';
const store = openSqliteStore(process.argv[2] as string, { readonly: true });
const queries = ['blair','mobile phone','"prime minister"','oil prices','chelsea','broadband*','election labour','film award','microsoft','interest rates'];
const t0 = performance.now();
store.search({ text: 'warmup', limit: 1 });
console.log('warm', (performance.now() - t0).toFixed(1));
for (let round = 0; round < 3; round++) {
  for (const q of queries) {
    const t = performance.now();
    const page = store.search({ text: q });
    const ms = performance.now() - t;
    const copies = page.hits.reduce((n, h) => n + h.copies, 0);
    const bytes = JSON.stringify(page).length;
    console.log(round, q.padEnd(18), ms.toFixed(1).padStart(7), 'ms total', page.total, 'copies', copies, 'json', bytes);
  }
}
