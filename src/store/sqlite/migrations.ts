import { COUNT_STORY_ENTITIES, ORDERING_DAY } from './doc-links.js';
import { FTS_TOKENIZER } from './search-text.js';

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
  // 2: an index of the spans corpus-level views aggregate (entity pages, quotes, timeline), so they
  // never parse every document's layer JSON. key: entity name, speaker name, or normalised date;
  // published: the document's stated date, copied so entity pages are answered from the index alone.
  `
  CREATE TABLE span_index (
    doc_seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    layer TEXT NOT NULL,
    span_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    label TEXT NOT NULL,
    key TEXT,
    text TEXT NOT NULL,
    published TEXT
  );
  CREATE INDEX span_index_key ON span_index(layer, key, published, doc_seq, label);
  CREATE INDEX span_index_doc ON span_index(doc_seq, layer);
  INSERT INTO span_index (doc_seq, layer, span_id, start, end, label, key, text, published)
    SELECT l.doc_seq, l.layer, json_extract(j.value, '$.id'), json_extract(j.value, '$.start'),
      json_extract(j.value, '$.end'), json_extract(j.value, '$.label'),
      CASE l.layer
        WHEN 'entities' THEN coalesce(json_extract(j.value, '$.attrs.entity'),
          substr(d.text, json_extract(j.value, '$.start') + 1, json_extract(j.value, '$.end') - json_extract(j.value, '$.start')))
        WHEN 'quotes' THEN json_extract(j.value, '$.attrs.speakerName')
        WHEN 'timexes' THEN json_extract(j.value, '$.attrs.value')
        ELSE json_extract(j.value, '$.attrs.date') END,
      substr(d.text, json_extract(j.value, '$.start') + 1, min(1000, json_extract(j.value, '$.end') - json_extract(j.value, '$.start'))),
      d.published
    FROM layers l JOIN documents d ON d.seq = l.doc_seq, json_each(l.spans) j
    WHERE l.layer IN ('entities', 'quotes', 'timexes', 'events');
  `,
  // 3: corpus-level results. doc_links: each document's near-duplicate group and story (search
  // collapses copies by group); corpus_state: serialised indexes and results of link/ (near-duplicate
  // index, story index, identities, claims); curation: the user's entity decisions, kept apart from
  // machine output and re-applied whenever identities are rebuilt.
  `
  CREATE TABLE doc_links (
    doc_seq INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
    duplicate_group TEXT,
    duplicate_kind TEXT,
    story TEXT
  );
  CREATE INDEX doc_links_group ON doc_links(duplicate_group);
  CREATE INDEX doc_links_story ON doc_links(story);
  CREATE TABLE corpus_state (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE curation (
    id INTEGER PRIMARY KEY,
    decision TEXT NOT NULL,
    at TEXT NOT NULL
  );
  `,
  // 4: generations, bumped by every write that changes stored rows in place (reprocessing, a new
  // date, new links, a corpus state `corpus_state:NAME`), so a process holding what it derived from
  // them in memory (search facets, parsed identities) reloads it whichever process wrote. Appending
  // documents needs no bump: new rows are new seqs.
  `
  CREATE TABLE generations (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
  INSERT INTO generations (name, value) VALUES ('documents', 0), ('links', 0);
  INSERT INTO generations (name, value) SELECT 'corpus_state:' || name, 1 FROM corpus_state;
  `,
  // 5: the "link needed" mark, written in the transaction that stores or rewrites documents and
  // cleared in the one that commits linking, so a crash in between leaves it for the next writer
  // to finish. rebuild: rewritten documents make earlier links stale. A store from before the mark
  // that has unlinked documents (a crash during linking, or --no-link) starts with it set.
  `
  CREATE TABLE pending_link (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    rebuild INTEGER NOT NULL,
    since TEXT NOT NULL
  );
  INSERT INTO pending_link (id, rebuild, since)
    SELECT 1, 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (SELECT count(*) FROM documents) > (SELECT count(*) FROM doc_links);
  `,
  // 6: the versions of the metadata fields stages compute (`meta.published`, `meta.headlineQuotes`);
  // a store from before has none, so its next reprocess recomputes those fields once.
  `
  CREATE TABLE meta_versions (
    doc_seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    field TEXT NOT NULL,
    stage TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (doc_seq, field)
  ) WITHOUT ROWID;
  `,
  // 7: the span index keeps stated dates only: entity pages and charts by month leave estimated
  // dates (a range from the contents, a story or a twin) out.
  `
  UPDATE span_index SET published = NULL
    WHERE doc_seq IN (SELECT seq FROM documents WHERE published_estimated = 1);
  `,
  // 8: search in every script. `cjk`: the character pairs of the document's Han, kana and Hangul
  // (`unspacedBigrams`), so words of languages written without spaces, or with particles attached,
  // are found; the index holds the folded text (`foldForSearch`: Arabic without vowel signs, ß as
  // ss) and keeps Arabic marks inside words. Calls the functions of `registerSearchFunctions`.
  `
  ALTER TABLE documents ADD COLUMN cjk TEXT NOT NULL DEFAULT '';
  UPDATE documents SET cjk = lede_unspaced_bigrams(coalesce(headline, '') || char(10) || text)
    WHERE lede_has_unspaced(coalesce(headline, '') || char(10) || text);
  DROP TABLE documents_fts;
  CREATE VIRTUAL TABLE documents_fts USING fts5(
    headline, text, cjk,
    content='documents', content_rowid='seq',
    tokenize="${FTS_TOKENIZER}"
  );
  INSERT INTO documents_fts (rowid, headline, text, cjk)
    SELECT seq, lede_search_fold(coalesce(headline, '')), lede_search_fold(text), cjk FROM documents;
  `,
  // 9: stories at corpus scale. doc_links.day: the member's ordering day, so a page of a story of
  // thousands is read from an index in order; story_entities: the names most of each story's members
  // mention, counted when links are stored, so a story page never reads every member's entities.
  `
  ALTER TABLE doc_links ADD COLUMN day TEXT;
  UPDATE doc_links SET day = (SELECT ${ORDERING_DAY} FROM documents d WHERE d.seq = doc_links.doc_seq);
  DROP INDEX doc_links_story;
  CREATE INDEX doc_links_story_day ON doc_links(story, day, doc_seq);
  CREATE TABLE story_entities (
    story TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    documents INTEGER NOT NULL,
    PRIMARY KEY (story, name)
  ) WITHOUT ROWID;
  ${COUNT_STORY_ENTITIES};
  `,
  // 10: what corpus steps read out of each document (its quotes as statements, its figures as
  // claims, its dated events), kept so that linking reads only new or rewritten documents.
  `
  CREATE TABLE doc_facts (
    kind TEXT NOT NULL,
    doc_seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    facts TEXT NOT NULL,
    PRIMARY KEY (kind, doc_seq)
  ) WITHOUT ROWID;
  CREATE INDEX doc_facts_doc ON doc_facts(doc_seq);
  `,
  // 11: loaded-language spans join the span index (keyed by technique), so their examples are listed
  // a page at a time without parsing every document's layer.
  `
  INSERT INTO span_index (doc_seq, layer, span_id, start, end, label, key, text, published)
    SELECT l.doc_seq, 'loaded', json_extract(j.value, '$.id'), json_extract(j.value, '$.start'),
      json_extract(j.value, '$.end'), json_extract(j.value, '$.label'), json_extract(j.value, '$.label'),
      substr(d.text, json_extract(j.value, '$.start') + 1, min(1000, json_extract(j.value, '$.end') - json_extract(j.value, '$.start'))),
      CASE WHEN d.published_estimated = 1 THEN NULL ELSE d.published END
    FROM layers l JOIN documents d ON d.seq = l.doc_seq, json_each(l.spans) j
    WHERE l.layer = 'loaded';
  `,
  // 12: the story and version indexes kept between runs, so placing new documents reads only the
  // stories, terms and keys they touch. story_terms: per story and term, the sum over members of
  // log-tf / norm (the centroid) and the first member that brought the term (the order candidate
  // stories are compared in); story_df: in how many placed documents each term occurs;
  // story_members: each placed document's story and norm on arrival; version_keys and version_exact:
  // each document's LSH band keys and exact-text key. Empty here: the next link fills them from the
  // kept features. Documents are never deleted (a rewrite makes linking start afresh and refill them).
  `
  CREATE TABLE story_terms (
    story INTEGER NOT NULL,
    term TEXT NOT NULL,
    sum REAL NOT NULL,
    first INTEGER NOT NULL,
    PRIMARY KEY (story, term)
  ) WITHOUT ROWID;
  CREATE INDEX story_terms_term ON story_terms(term, first, story);
  CREATE TABLE story_df (
    term TEXT PRIMARY KEY,
    df INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE story_members (
    doc_seq INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
    story INTEGER NOT NULL,
    norm REAL NOT NULL
  );
  CREATE INDEX story_members_story ON story_members(story, doc_seq);
  CREATE TABLE version_keys (
    key INTEGER NOT NULL,
    doc_seq INTEGER NOT NULL,
    PRIMARY KEY (key, doc_seq)
  ) WITHOUT ROWID;
  CREATE TABLE version_exact (
    doc_seq INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
    key0 INTEGER NOT NULL,
    key1 INTEGER NOT NULL,
    -- 0 for a text with no words: it matches nothing, but its key still says whether a group is exact.
    banded INTEGER NOT NULL
  );
  CREATE INDEX version_exact_key ON version_exact(key0);
  `,
];
