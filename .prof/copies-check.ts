import Database from 'better-sqlite3';
import { openSqliteStore, toFtsQuery } from '../src/store/index.js';
const path = process.argv[2] as string;
const store = openSqliteStore(path, { readonly: true });
const db = new Database(path, { readonly: true });
let checked = 0, differ = 0;
for (const q of ['blair', 'mobile phone', '"prime minister"', 'oil prices', 'chelsea', 'broadband*', 'election labour', 'film award', 'microsoft', 'interest rates']) {
  const match = toFtsQuery(q) as string;
  const scores = db.prepare('SELECT rowid, bm25(documents_fts, 4.0, 1.0) FROM documents_fts WHERE documents_fts MATCH ?').raw().all(match) as [number, number][];
  scores.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const rank = new Map(scores.map(([seq], i) => [seq, i]));
  for (const offset of [0, 40]) {
  const page = store.search({ text: q, offset });
  for (const hit of page.hits) {
    if (hit.copies === 0) continue;
    const group = db.prepare('SELECT duplicate_group FROM doc_links l JOIN documents d ON d.seq = l.doc_seq WHERE d.id = ?').pluck().get(hit.id);
    const members = db.prepare('SELECT d.seq, d.id FROM doc_links l JOIN documents d ON d.seq = l.doc_seq WHERE l.duplicate_group = ? AND d.id != ?').raw().all(group, hit.id) as [number, string][];
    const expected = members.filter(([seq]) => rank.has(seq)).sort((a, b) => (rank.get(a[0]) as number) - (rank.get(b[0]) as number)).slice(0, 10).map(([, id]) => id);
    checked++;
    if (JSON.stringify(expected) !== JSON.stringify(hit.copyIds)) { differ++; if (differ < 4) console.log('differ', q, hit.copies, expected.length, hit.copyIds.length); }
  }}
}
console.log('hits checked', checked, 'differ', differ);
