import type Database from 'better-sqlite3';
import type { SearchFilter } from '../store.js';

type Count = { value: string; count: number };

/** Strings as small integers, so columns are typed arrays and counting is array increments. */
class Interned {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  find(value: string): number | undefined {
    return this.ids.get(value);
  }
}

/** An Int32Array indexed by sequence number that grows as documents are loaded; -1 where unset. */
class IntColumn {
  private data = new Int32Array(1024).fill(-1);

  get(index: number): number {
    return index < this.data.length ? (this.data[index] as number) : -1;
  }

  set(index: number, value: number): void {
    if (index >= this.data.length) {
      const grown = new Int32Array(Math.max(index + 1, this.data.length * 2)).fill(-1);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[index] = value;
  }
}

/** Lists of ids per document (sections, entity names, speakers), appended in sequence order. */
class ListColumn {
  private readonly starts = new IntColumn();
  private readonly ends = new IntColumn();
  private values = new Int32Array(4096);
  private size = 0;

  /** Appends a document's ids; documents must come in increasing sequence order after a reset. */
  put(seq: number, ids: Iterable<number>): void {
    this.starts.set(seq, this.size);
    for (const id of ids) {
      if (this.size === this.values.length) {
        const grown = new Int32Array(this.values.length * 2);
        grown.set(this.values);
        this.values = grown;
      }
      this.values[this.size++] = id;
    }
    this.ends.set(seq, this.size);
  }

  /**
   * Adds each id of the document to `tally` for `unit`, as the id `rename` gives it where it has
   * one. A loop, not a callback: a closure per document was a megabyte of garbage a search.
   */
  addTo(seq: number, tally: Tally, unit: number, rename: Int32Array = EMPTY): void {
    const end = this.ends.get(seq);
    for (let at = this.starts.get(seq); at < end; at++) {
      const id = this.values[at] as number;
      tally.add(id < rename.length ? (rename[id] as number) : id, unit);
    }
  }

  /** Whether `test` holds for any id of the document. */
  some(seq: number, test: (id: number) => boolean): boolean {
    const end = this.ends.get(seq);
    for (let at = this.starts.get(seq); at < end; at++) if (test(this.values[at] as number)) return true;
    return false;
  }
}

/** Per-value document counts in which each counting unit (a document, or a near-duplicate group) counts once. */
class Tally {
  private readonly counts: Int32Array;
  private readonly lastUnit: Int32Array;
  readonly touched: number[] = [];

  constructor(size: number) {
    this.counts = new Int32Array(size);
    this.lastUnit = new Int32Array(size).fill(-1);
  }

  add(id: number, unit: number): void {
    if (id < 0 || this.lastUnit[id] === unit) return;
    this.lastUnit[id] = unit;
    if (this.counts[id] === 0) this.touched.push(id);
    this.counts[id] = (this.counts[id] as number) + 1;
  }

  top(values: readonly string[], limit: number, byValue = false): Count[] {
    return this.touched
      .map((id) => ({ value: values[id] as string, count: this.counts[id] as number }))
      .sort(
        byValue
          ? (a, b) => b.value.localeCompare(a.value)
          : (a, b) => b.count - a.count || a.value.localeCompare(b.value),
      )
      .slice(0, limit);
  }
}

export interface FacetCounts {
  /** Results after collapsing near-duplicates (each group counts once). */
  total: number;
  outlets: Count[];
  sections: Count[];
  months: Count[];
  entities: Count[];
  speakers: Count[];
  hasQuotes: Count[];
  languages: Count[];
}

// Small enough that the rows of one read die young instead of leaving old-space garbage for a long pause later.
const LOAD_CHUNK = 500;

/**
 * Outlet, language, date, sections, entity names, speakers, quote presence and near-duplicate group of every
 * document, held in memory by sequence number, so a search filters and counts facets over thousands
 * of matches without reading a row per match. New documents are loaded incrementally; a write that
 * changes stored documents or links in place bumps a generation in the database (whichever process
 * wrote), and the columns reload.
 */
export class FacetColumns {
  private outlets = new Interned();
  private languages = new Interned();
  private months = new Interned();
  private sections = new Interned();
  /** Entity names and speakers share one dictionary: both are per-document names of people and organisations. */
  private names = new Interned();
  private outletOf = new IntColumn();
  private languageOf = new IntColumn();
  private monthOf = new IntColumn();
  private published: (string | null)[] = [];
  private estimated: boolean[] = [];
  private sectionsOf = new ListColumn();
  private entitiesOf = new ListColumn();
  private speakersOf = new ListColumn();
  private quotedOf = new IntColumn();
  private groupOf = new IntColumn();
  private loadedUpTo = 0;
  private version = '';
  private generations = new Map<string, number>();
  private renames = new WeakMap<ReadonlyMap<string, string>, Int32Array>();
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      changes: db.prepare('SELECT total_changes()').pluck(),
      generations: db.prepare('SELECT name, value FROM generations').raw(),
      lastSeq: db.prepare('SELECT max(seq) FROM documents').pluck(),
      documents: db
        .prepare(
          'SELECT seq, outlet, published, published_estimated, language FROM documents WHERE seq > ? AND seq <= ? ORDER BY seq',
        )
        .raw(),
      sections: db
        .prepare('SELECT doc_seq, section FROM document_sections WHERE doc_seq > ? AND doc_seq <= ? ORDER BY doc_seq')
        .raw(),
      spans: db
        .prepare(
          `SELECT doc_seq, layer, key FROM span_index INDEXED BY span_index_doc
           WHERE doc_seq > ? AND doc_seq <= ? AND layer IN ('entities', 'quotes') ORDER BY doc_seq`,
        )
        .raw(),
      groups: db.prepare('SELECT doc_seq, duplicate_group FROM doc_links WHERE duplicate_group IS NOT NULL').raw(),
    };
  }

  private reset(): void {
    this.outlets = new Interned();
    this.languages = new Interned();
    this.months = new Interned();
    this.sections = new Interned();
    this.names = new Interned();
    this.outletOf = new IntColumn();
    this.languageOf = new IntColumn();
    this.monthOf = new IntColumn();
    this.published = [];
    this.estimated = [];
    this.sectionsOf = new ListColumn();
    this.entitiesOf = new ListColumn();
    this.speakersOf = new ListColumn();
    this.quotedOf = new IntColumn();
    this.groupOf = new IntColumn();
    this.loadedUpTo = 0;
    this.version = '';
    this.generations = new Map();
    this.renames = new WeakMap();
  }

  /** Brings the columns up to date with the database, loading only what changed when it can. */
  refresh(): void {
    const version = `${this.db.pragma('data_version', { simple: true })}:${this.statements.changes.get()}`;
    if (version === this.version) return;
    this.db.transaction(() => {
      const generations = new Map(this.statements.generations.all() as [string, number][]);
      const documentsChanged = generations.get('documents') !== this.generations.get('documents');
      if (documentsChanged || this.loadedUpTo === 0) this.reset();
      if (this.loadedUpTo === 0 || generations.get('links') !== this.generations.get('links')) this.loadGroups();
      this.generations = generations;
      const last = (this.statements.lastSeq.get() as number | null) ?? 0;
      for (let from = this.loadedUpTo; from < last; from += LOAD_CHUNK)
        this.load(from, Math.min(last, from + LOAD_CHUNK));
      this.version = version;
    })();
  }

  private load(after: number, upTo: number): void {
    const s = this.statements;
    const sections = s.sections.all(after, upTo) as [number, string][];
    const spans = s.spans.all(after, upTo) as [number, string, string | null][];
    let atSection = 0;
    let atSpan = 0;
    const rows = s.documents.all(after, upTo) as [number, string | null, string | null, number, string | null][];
    for (const [seq, outlet, published, estimated, language] of rows) {
      this.outletOf.set(seq, outlet === null ? -1 : this.outlets.id(outlet));
      this.languageOf.set(seq, language === null ? -1 : this.languages.id(language));
      this.published[seq] = published;
      this.estimated[seq] = estimated === 1;
      this.monthOf.set(seq, published ? this.months.id(published.slice(0, 7)) : -1);
      const own: number[] = [];
      for (; atSection < sections.length && sections[atSection]?.[0] === seq; atSection++) {
        own.push(this.sections.id((sections[atSection] as [number, string])[1]));
      }
      this.sectionsOf.put(seq, own);
      const entities = new Set<number>();
      const speakers = new Set<number>();
      let quotes = 0;
      for (; atSpan < spans.length && spans[atSpan]?.[0] === seq; atSpan++) {
        const [, layer, key] = spans[atSpan] as [number, string, string | null];
        if (layer === 'quotes') quotes++;
        if (key === null) continue;
        (layer === 'quotes' ? speakers : entities).add(this.names.id(key));
      }
      this.entitiesOf.put(seq, entities);
      this.speakersOf.put(seq, speakers);
      this.quotedOf.set(seq, quotes > 0 ? 1 : 0);
    }
    this.loadedUpTo = upTo;
  }

  private loadGroups(): void {
    this.groupOf = new IntColumn();
    const groups = new Interned();
    for (const [seq, group] of this.statements.groups.all() as [number, string][])
      this.groupOf.set(seq, groups.id(group));
  }

  /** The document's near-duplicate group (a small integer), or -1. */
  group(seq: number): number {
    return this.groupOf.get(seq);
  }

  /**
   * A test for the filter (undefined when there is nothing to filter), equal to the SQL filter of
   * listDocuments for outlet, section and dates: exact outlet and section, inclusive ISO date prefix
   * bounds. Entity and speaker compare names after `filter.names`.
   */
  matcher(filter: SearchFilter): ((seq: number) => boolean) | undefined {
    const tests: ((seq: number) => boolean)[] = [];
    const none = () => false;
    if (filter.outlet) {
      const id = this.outlets.find(filter.outlet);
      tests.push(id === undefined ? none : (seq) => this.outletOf.get(seq) === id);
    }
    if (filter.language) {
      const id = this.languages.find(filter.language);
      tests.push(id === undefined ? none : (seq) => this.languageOf.get(seq) === id);
    }
    if (filter.section) {
      const id = this.sections.find(filter.section);
      tests.push(id === undefined ? none : (seq) => this.sectionsOf.some(seq, (section) => section === id));
    }
    const { from, to } = filter;
    const dated = (seq: number) => Boolean(this.published[seq]) && (filter.includeEstimated || !this.estimated[seq]);
    if (from) tests.push((seq) => dated(seq) && (this.published[seq] as string) >= from);
    if (to) {
      const bound = `${to}z`;
      tests.push((seq) => dated(seq) && (this.published[seq] as string) < bound);
    }
    const rename = this.rename(filter.names);
    for (const [name, column] of [
      [filter.entity, this.entitiesOf],
      [filter.speaker, this.speakersOf],
    ] as const) {
      if (!name) continue;
      const id = this.names.find(name);
      tests.push(id === undefined ? none : (seq) => column.some(seq, (key) => (rename[key] ?? key) === id));
    }
    if (filter.hasQuotes !== undefined) {
      const wanted = filter.hasQuotes ? 1 : 0;
      tests.push((seq) => this.quotedOf.get(seq) === wanted);
    }
    if (tests.length === 0) return undefined;
    return (seq) => tests.every((test) => test(seq));
  }

  /**
   * Counts facet values over the given matches. With `collapse`, a near-duplicate group counts once
   * for the total and once for each value any of its members has: every count is the total that
   * clicking the value would give.
   */
  count(
    seqs: readonly number[],
    collapse: boolean,
    names?: ReadonlyMap<string, string>,
    includeEstimated = false,
  ): FacetCounts {
    const rename = this.rename(names);
    const outlets = new Tally(this.outlets.values.length);
    const languages = new Tally(this.languages.values.length);
    const months = new Tally(this.months.values.length);
    const sections = new Tally(this.sections.values.length);
    const entities = new Tally(this.names.values.length);
    const speakers = new Tally(this.names.values.length);
    const quoted = new Tally(2);
    const members = new Map<number, number[]>();
    let unit = 0;
    const add = (seq: number) => {
      outlets.add(this.outletOf.get(seq), unit);
      languages.add(this.languageOf.get(seq), unit);
      // An estimated date is a range, not a month: it joins the month facet only when asked.
      if (includeEstimated || !this.estimated[seq]) months.add(this.monthOf.get(seq), unit);
      quoted.add(this.quotedOf.get(seq), unit);
      this.sectionsOf.addTo(seq, sections, unit);
      this.entitiesOf.addTo(seq, entities, unit, rename);
      this.speakersOf.addTo(seq, speakers, unit, rename);
    };
    for (const seq of seqs) {
      const group = collapse ? this.groupOf.get(seq) : -1;
      if (group < 0) {
        add(seq);
        unit++;
        continue;
      }
      const list = members.get(group);
      if (list) list.push(seq);
      else members.set(group, [seq]);
    }
    for (const list of members.values()) {
      for (const seq of list) add(seq);
      unit++;
    }
    return {
      total: unit,
      outlets: outlets.top(this.outlets.values, 20),
      sections: sections.top(this.sections.values, 20),
      months: months.top(this.months.values, 36, true),
      entities: entities.top(this.names.values, 20),
      speakers: speakers.top(this.names.values, 20),
      hasQuotes: quoted.top(['false', 'true'], 2, true),
      languages: languages.top(this.languages.values, 20),
    };
  }

  /** Name id → id of the name it is known by (`names`), for every interned name; missing entries keep their own. */
  private rename(names: ReadonlyMap<string, string> | undefined): Int32Array {
    if (!names || names.size === 0) return EMPTY;
    let table = this.renames.get(names);
    const size = this.names.values.length;
    if (!table || table.length < size) {
      const start = table?.length ?? 0;
      const grown = new Int32Array(size);
      if (table) grown.set(table);
      for (let id = start; id < size; id++) {
        const name = names.get(this.names.values[id] as string);
        // Interning a corpus name may add ids past `size`: those are not per-document names and map to themselves.
        grown[id] = name === undefined ? id : this.names.id(name);
      }
      table = grown;
      this.renames.set(names, table);
    }
    return table;
  }
}

const EMPTY = new Int32Array(0);
