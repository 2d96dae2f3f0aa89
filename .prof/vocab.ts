import Database from 'better-sqlite3';
const db = new Database(process.argv[2] as string, { readonly: true });
db.exec("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, documents_fts, row)");
const st = db.prepare("SELECT count(*), coalesce(sum(doc), 0) FROM temp.vocab WHERE term >= ? AND term < ?").raw();
for (const p of ['broadband', 'con', 'pro', 'com', 'pre', 'govern', 'mobi', 'ab']) {
  const t = performance.now();
  const r = st.get(p, p + '\uffff');
  const t2 = performance.now();
  const m = db.prepare('SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?').pluck().get(`"${p}"*`);
  console.log(p.padEnd(10), 'terms,docs', r, 'vocab ms', (t2 - t).toFixed(2), 'match docs', m, 'match ms', (performance.now() - t2).toFixed(1));
}
