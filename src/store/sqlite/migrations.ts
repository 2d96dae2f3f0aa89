/**
 * Schema migrations, applied in order and recorded in `PRAGMA user_version`. Never edit a
 * migration that has shipped; add the next one.
 */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE documents (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    external_id TEXT UNIQUE,
    uri TEXT NOT NULL,
    media_type TEXT NOT NULL,
    charset TEXT,
    charset_from TEXT,
    hints TEXT,
    fetched_at TEXT,
    ingested_at TEXT NOT NULL,
    headline TEXT,
    published TEXT,
    published_estimated INTEGER NOT NULL DEFAULT 0,
    outlet TEXT,
    language TEXT,
    meta TEXT NOT NULL,
    text TEXT NOT NULL,
    raw TEXT NOT NULL,
    origin TEXT NOT NULL,
    messages TEXT NOT NULL,
    word_count INTEGER NOT NULL
  );
  CREATE INDEX documents_published ON documents(published);
  CREATE INDEX documents_outlet ON documents(outlet);

  CREATE TABLE originals (
    doc_seq INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
    bytes BLOB NOT NULL
  );

  CREATE TABLE document_sections (
    doc_seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    section TEXT NOT NULL,
    PRIMARY KEY (doc_seq, section)
  ) WITHOUT ROWID;
  CREATE INDEX document_sections_section ON document_sections(section);

  CREATE TABLE layers (
    doc_seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    layer TEXT NOT NULL,
    stage TEXT NOT NULL,
    version INTEGER NOT NULL,
    span_count INTEGER NOT NULL,
    spans TEXT NOT NULL,
    PRIMARY KEY (doc_seq, layer)
  ) WITHOUT ROWID;

  CREATE VIRTUAL TABLE documents_fts USING fts5(
    headline, text,
    content='documents', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2'
  );

  CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    uri TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
  );

  CREATE TABLE outlet_lines (
    outlet TEXT NOT NULL,
    line TEXT NOT NULL,
    documents INTEGER NOT NULL,
    PRIMARY KEY (outlet, line)
  ) WITHOUT ROWID;
  `,
];
