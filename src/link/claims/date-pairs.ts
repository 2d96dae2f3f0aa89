/**
 * Which date claims to compare. Comparing every claim with every other grows with the square of the
 * corpus (a 1,199-document fuzz corpus did not finish in 10 minutes); only claims of one topic less
 * than a month apart can conflict, and claims of one topic on one day agree as a group.
 */

export const DAY = /^(\d{4}|XXXX)-(\d{2})-(\d{2})/;

/** Day number of a `YYYY-MM-DD` value; a day without a year (`XXXX-01-05`) takes `yearFrom`'s. */
export function dayNumber(value: string, yearFrom?: string): number | undefined {
  const match = DAY.exec(value);
  if (!match) return undefined;
  const year = match[1] === 'XXXX' ? (yearFrom ? DAY.exec(yearFrom)?.[1] : undefined) : match[1];
  if (!year || year === 'XXXX') return undefined;
  return Date.UTC(Number(year), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

export interface PairedClaim {
  doc: string;
  value: string;
  topics: string[];
}

/**
 * Claims of one topic on one day where every two from different documents agree on that topic:
 * each names that topic alone, and at most one has no year (two such never compare). Their
 * agreement is built from the group itself, not from the square of its pairs.
 */
export interface AgreementBucket {
  topic: string;
  day: number;
  /** Claim indices, ascending. */
  members: number[];
}

interface Dated {
  index: number;
  day: number;
  value: string;
}

/**
 * The pairs `[i, j]` (i < j, sorted) of claims that share a topic and lie at most 31 days apart
 * (a day without a year taking the year of the other claim), except the same-day pairs of the
 * agreement buckets, returned apart. Pairs of different days are wanted for conflicts, at most
 * `maxConflicts` a topic; of the same day for agreements.
 */
export function datePairsWithinMonth(
  claims: readonly PairedClaim[],
  wanted: { conflicts: boolean; agreements: boolean },
  maxConflicts: number,
): { pairs: [number, number][]; buckets: AgreementBucket[] } {
  const byTopic = new Map<string, number[]>();
  claims.forEach((claim, index) => {
    for (const topic of claim.topics) {
      const members = byTopic.get(topic);
      if (members) members.push(index);
      else byTopic.set(topic, [index]);
    }
  });
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const buckets: AgreementBucket[] = [];
  const add = (x: number, y: number) => {
    const [i, j] = x < y ? [x, y] : [y, x];
    // Only two claims that both name several topics can meet under more than one of them.
    if ((claims[i] as PairedClaim).topics.length > 1 && (claims[j] as PairedClaim).topics.length > 1) {
      const key = i * claims.length + j;
      if (seen.has(key)) return;
      seen.add(key);
    }
    pairs.push([i, j]);
  };
  for (const [topic, members] of byTopic) {
    let conflictsLeft = wanted.conflicts ? maxConflicts : 0;
    const pairIfWanted = (x: number, y: number, sameDay: boolean) => {
      if (sameDay ? !wanted.agreements : conflictsLeft <= 0) return;
      if (!sameDay) conflictsLeft--;
      add(x, y);
    };
    const reach = () => (conflictsLeft > 0 ? 31 : 0);
    const dated: Dated[] = [];
    const yearless: number[] = [];
    for (const index of members) {
      const value = (claims[index] as PairedClaim).value;
      const day = dayNumber(value);
      if (day !== undefined) dated.push({ index, day, value });
      else if (value.startsWith('XXXX')) yearless.push(index);
    }
    dated.sort((a, b) => a.day - b.day || a.index - b.index);
    const byYear = groupByYear(dated);
    const yearlessOn = yearlessByDay(claims, yearless, byYear);
    const bucketed = new Set<number>();
    for (let x = 0; x < dated.length; ) {
      let runEnd = x;
      while (runEnd < dated.length && (dated[runEnd] as Dated).day === (dated[x] as Dated).day) runEnd++;
      const day = (dated[x] as Dated).day;
      const matching = yearlessOn.get(day) ?? [];
      const run = dated.slice(x, runEnd).map((entry) => entry.index);
      const single = [...run, ...matching].every((index) => (claims[index] as PairedClaim).topics.length === 1);
      if (wanted.agreements && single && matching.length <= 1) {
        buckets.push({ topic, day, members: [...run, ...matching].sort((a, b) => a - b) });
        bucketed.add(day);
      }
      for (let at = x; at < runEnd; at++) {
        const a = dated[at] as Dated;
        for (let y = bucketed.has(day) ? runEnd : at + 1; y < dated.length; y++) {
          const b = dated[y] as Dated;
          if (b.day - a.day > reach()) break;
          pairIfWanted(a.index, b.index, a.day === b.day);
        }
      }
      x = runEnd;
    }
    for (const index of yearless) {
      for (const sameYear of byYear.values()) {
        const yearFrom = (sameYear[0] as Dated).value;
        const day = dayNumber((claims[index] as PairedClaim).value, yearFrom) as number;
        for (let y = firstAtLeast(sameYear, day - reach()); y < sameYear.length; y++) {
          const other = sameYear[y] as Dated;
          if (other.day > day + reach()) break;
          if (other.day === day && bucketed.has(day)) continue;
          pairIfWanted(index, other.index, other.day === day);
        }
      }
    }
  }
  return { pairs: pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]), buckets };
}

function groupByYear(dated: readonly Dated[]): Map<string, Dated[]> {
  const byYear = new Map<string, Dated[]>();
  for (const entry of dated) {
    const year = entry.value.slice(0, 4);
    const same = byYear.get(year);
    if (same) same.push(entry);
    else byYear.set(year, [entry]);
  }
  return byYear;
}

/** The yearless claims that fall on each dated day, given the year of the claims of that day. */
function yearlessByDay(
  claims: readonly PairedClaim[],
  yearless: readonly number[],
  byYear: ReadonlyMap<string, Dated[]>,
): Map<number, number[]> {
  const on = new Map<number, number[]>();
  for (const index of yearless) {
    for (const sameYear of byYear.values()) {
      const day = dayNumber((claims[index] as PairedClaim).value, (sameYear[0] as Dated).value) as number;
      const found = sameYear[firstAtLeast(sameYear, day)];
      if (found?.day !== day) continue;
      const list = on.get(day);
      if (list) list.push(index);
      else on.set(day, [index]);
    }
  }
  return on;
}

/** The first position in `sorted` (by day) whose day is at least `day`. */
function firstAtLeast(sorted: readonly { day: number }[], day: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as { day: number }).day < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The members of a bucket in the order comparing its pairs in turn would list them (for each claim,
 * itself, then every later claim of another document not yet listed), and that first pair; undefined
 * when all come from one document. After a claim of document X has listed the later claims of other
 * documents, only claims of X are left unlisted after it, so each is passed over at most twice.
 */
export function orderAgreement(
  bucket: AgreementBucket,
  claims: readonly PairedClaim[],
): { members: number[]; first: [number, number] } | undefined {
  const docs = bucket.members.map((index) => (claims[index] as PairedClaim).doc);
  const count = docs.length;
  // laterOther[p]: some member after p comes from another document.
  const laterOther = new Array<boolean>(count).fill(false);
  let lastDoc: string | undefined;
  let twoDocsAfter = false;
  for (let p = count - 1; p >= 0; p--) {
    laterOther[p] = twoDocsAfter || (lastDoc !== undefined && lastDoc !== docs[p]);
    if (lastDoc !== undefined && lastDoc !== docs[p]) twoDocsAfter = true;
    lastDoc ??= docs[p];
  }
  const listed = new Uint8Array(count);
  // nextUnlisted[q]: the first position at or after q not yet listed (path-compressed as it is read).
  const nextUnlisted = Int32Array.from({ length: count + 1 }, (_, q) => q);
  const unlistedFrom = (q: number): number => {
    let at = q;
    while (nextUnlisted[at] !== at) at = nextUnlisted[at] as number;
    for (let step = q; step !== at; ) {
      const following = nextUnlisted[step] as number;
      nextUnlisted[step] = at;
      step = following;
    }
    return at;
  };
  const list = (q: number) => {
    listed[q] = 1;
    order.push(q);
    nextUnlisted[q] = q + 1;
  };
  const order: number[] = [];
  let first: [number, number] | undefined;
  let lastScanBy: string | undefined;
  for (let p = 0; p < count; p++) {
    if (!laterOther[p]) continue;
    if (!listed[p]) list(p);
    if (lastScanBy === docs[p]) continue;
    for (let q = unlistedFrom(p + 1); q < count; q = unlistedFrom(q + 1)) {
      if (docs[q] === docs[p]) continue;
      first ??= [bucket.members[p] as number, bucket.members[q] as number];
      list(q);
    }
    lastScanBy = docs[p];
  }
  if (!first) return undefined;
  return { members: order.map((p) => bucket.members[p] as number), first };
}
