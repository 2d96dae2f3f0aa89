/**
 * Cross-document statement grouping: the same quote reported by several articles is one statement
 * with several sources. Quotes are compared after normalising case, quotation marks, apostrophes,
 * dashes and punctuation; two match when their word sequences differ by a few word edits
 * (at most 1 per 8 words) or when one holds the other whole (an outlet quoting part of it) and the
 * shorter has at least `minContainedWords` words. Speakers must agree when both are known.
 * Pure functions over plain records: the store feeds them its quotes and saves the groups.
 */
export interface Statement {
  /** The quote's own id (document id + span id, say). */
  id: string;
  docId: string;
  text: string;
  speakerName?: string | null;
  /** `normaliseStatement(text)` split into words, when the caller kept it. */
  words?: readonly string[];
}

export interface StatementGroup {
  /** The longest wording, normalised; stable for a set of members. */
  key: string;
  members: Statement[];
  /** Distinct normalised wordings, longest first, to show how the wording changed. */
  wordings: string[];
}

export interface GroupOptions {
  /** Word edits allowed per word of the shorter quote (default 1/8). */
  editsPerWord?: number;
  /** Shortest quote that may match inside a longer one (default 5 words). */
  minContainedWords?: number;
  /** Shortest quote considered at all (default 3 words); shorter ones stay alone. */
  minWords?: number;
  /**
   * Groups found by an earlier run over some of these statements (as indexes into them), and which
   * statements are new since: only pairs with a new statement are compared, since whether two
   * statements match depends on the two alone. The groups are the same as grouping all afresh.
   */
  earlier?: { groups: readonly (readonly number[])[]; isNew: (index: number) => boolean };
}

export function normaliseStatement(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032`´]/gu, "'")
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb"]/gu, ' ')
    .replace(/(\p{L})'(\p{L})/gu, '$1$2')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function groupStatements(statements: readonly Statement[], options: GroupOptions = {}): StatementGroup[] {
  const editsPerWord = options.editsPerWord ?? 1 / 8;
  const minContained = options.minContainedWords ?? 5;
  const minWords = options.minWords ?? 3;
  const words = statements.map(
    (statement) => statement.words ?? normaliseStatement(statement.text).split(' ').filter(Boolean),
  );
  const parent = statements.map((_, index) => index);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  for (const group of options.earlier?.groups ?? []) {
    const [first, ...rest] = group;
    for (const index of rest) parent[find(index)] = find(first as number);
  }
  const isNew = options.earlier?.isNew ?? (() => true);
  // Candidate pairs share a word trigram; only those are compared.
  const byShingle = new Map<string, number[]>();
  // With earlier groups only buckets holding a new statement are visited: the others are not kept.
  const wanted = options.earlier
    ? new Set(words.flatMap((list, index) => (isNew(index) && list.length >= minWords ? shingles(list) : [])))
    : undefined;
  words.forEach((list, index) => {
    if (list.length < minWords) return;
    for (const shingle of shingles(list)) {
      if (wanted && !wanted.has(shingle)) continue;
      const bucket = byShingle.get(shingle) ?? [];
      if (bucket[bucket.length - 1] !== index) bucket.push(index);
      byShingle.set(shingle, bucket);
    }
  });
  const compared = new Set<string>();
  for (const bucket of byShingle.values()) {
    for (let a = 0; a < bucket.length; a++) {
      for (let b = a + 1; b < bucket.length; b++) {
        const i = bucket[a] as number;
        const j = bucket[b] as number;
        if (!isNew(i) && !isNew(j)) continue;
        const pair = `${i}:${j}`;
        if (compared.has(pair) || find(i) === find(j)) continue;
        compared.add(pair);
        if (!speakersAgree(statements[i] as Statement, statements[j] as Statement)) continue;
        if (sameStatement(words[i] as string[], words[j] as string[], editsPerWord, minContained))
          parent[find(j)] = find(i);
      }
    }
  }
  // In the order of each group's first statement, whichever statement is its root.
  const groups = new Map<number, number[]>();
  statements.forEach((_, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(index);
    else groups.set(root, [index]);
  });
  return [...groups.values()].map((indexes) => {
    const wordings = [...new Set(indexes.map((index) => (words[index] as string[]).join(' ')))].sort(
      (a, b) => b.length - a.length || a.localeCompare(b),
    );
    return { key: wordings[0] ?? '', members: indexes.map((index) => statements[index] as Statement), wordings };
  });
}

/** Same wording up to a few word edits, or one holding the other whole. */
export function sameStatement(
  a: readonly string[],
  b: readonly string[],
  editsPerWord = 1 / 8,
  minContained = 5,
): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length === 0) return false;
  const allowed = Math.max(1, Math.floor(shorter.length * editsPerWord));
  if (longer.length - shorter.length <= allowed && wordEdits(shorter, longer, allowed) <= allowed) return true;
  if (shorter.length < minContained) return false;
  return ` ${longer.join(' ')} `.includes(` ${shorter.join(' ')} `);
}

/** Word-level Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. */
export function wordEdits(a: readonly string[], b: readonly string[], limit = Number.POSITIVE_INFINITY): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] as number;
}

function shingles(list: readonly string[]): string[] {
  if (list.length < 3) return [list.join(' ')];
  const result: string[] = [];
  for (let i = 0; i + 3 <= list.length; i++) result.push(list.slice(i, i + 3).join(' '));
  return result;
}

function speakersAgree(a: Statement, b: Statement): boolean {
  if (!a.speakerName || !b.speakerName) return true;
  return normaliseStatement(a.speakerName) === normaliseStatement(b.speakerName);
}
