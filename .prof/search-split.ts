import Database from 'better-sqlite3';
const db = new Database(process.argv[2] as string, { readonly: true });
const time = (label: string, work: () => unknown, n = 5) => {
  work();
  const t = performance.now();
  let r: unknown;
  for (let i = 0; i < n; i++) r = work();
  console.log(label.padEnd(40), ((performance.now() - t) / n).toFixed(2), 'ms', Array.isArray(r) ? r.length : '');
};
for (const q of ['"blair"', '"film" "award"', '"prime minister"']) {
  time(`matches ${q}`, () => db.prepare('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?').pluck().all(q));
  time(`rankTop200 ${q}`, () => db.prepare('SELECT rowid, bm25(documents_fts, 4.0, 1.0) AS score FROM documents_fts WHERE documents_fts MATCH ? ORDER BY score, rowid LIMIT 200').raw().all(q));
  time(`scores all ${q}`, () => db.prepare('SELECT rowid, bm25(documents_fts, 4.0, 1.0) FROM documents_fts WHERE documents_fts MATCH ?').raw().all(q));
  const seqs = db.prepare('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?').pluck().all(q).slice(0, 700);
  time(`ids 700`, () => db.prepare('SELECT seq, id FROM documents WHERE seq IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(seqs)));
  const page = seqs.slice(0, 20);
  time(`snippets 20 ${q}`, () => db.prepare(`SELECT rowid, snippet(documents_fts, 1, char(2), char(3), '…', 24) FROM documents_fts WHERE documents_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`).raw().all(q, JSON.stringify(page)));
}
