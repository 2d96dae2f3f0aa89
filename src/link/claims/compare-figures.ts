/**
 * Figure statements compared: two statements meet only when they give the same measure of a shared
 * subject at the same time (dated alike, or undated in two versions of one article), naming the
 * same places where both name any. They agree when they state one value from two documents that are
 * not copies of one article, and conflict, from any two documents (a correction against the version it
 * corrects included), when the intervals their qualifiers allow do not overlap (`more than 2,000` and `2,500`
 * agree; `2,000` and `2,500` do not). Statements are grouped by measure, subject and time first, so
 * the work grows with the statements of one group, not with the square of the corpus.
 */
import type { FigureStatement } from './statements.js';

export interface FigureEvidence {
  doc: string;
  start: number;
  end: number;
  text: string;
  value: number;
  mark: { start: number; end: number };
  subject: string[];
  measure: string;
  unit: string;
  time?: string;
  qualifier?: string;
}

export interface FigureMatch {
  relation: 'conflict' | 'agreement';
  /** The subject the statements share, the measure, the time: why they were compared. */
  subject: string;
  measure: string;
  unit: string;
  time?: string;
  statements: FigureStatement[];
}

/** One name of a person or work written in full in one article and shortened in another (`DiCaprio`). */
function sameName(a: string, b: string): boolean {
  return a === b || a.endsWith(` ${b}`) || b.endsWith(` ${a}`);
}

/**
 * The same subject: the same people and organisations on both sides (each matched among the other's
 * names, so `Agroflora` in Venezuela is not Venezuela; a name the tagger typed MISC on one side and ORG
 * on the other, `Xbox`, is still one name), and where both name places, a place in common (England and
 * Scotland are two subjects).
 */
function sameSubject(a: FigureStatement, b: FigureStatement): boolean {
  const matched = (from: readonly string[], into: readonly string[]) =>
    from.every((name) => into.some((other) => sameName(name, other)));
  if (!matched(a.actors, b.subjects) || !matched(b.actors, a.subjects)) return false;
  if (a.places.length === 0 || b.places.length === 0) return true;
  return a.places.every((place) => b.places.includes(place)) && b.places.every((place) => a.places.includes(place));
}

/**
 * The same time: both dated alike (grouping saw to it), or both undated in two versions of one article
 * (an update, a correction) published the same day where both say when. Two articles that give an
 * undated figure may measure it at two moments (a market's morning and afternoon help, two sessions,
 * two weeks' stocks): nothing says they speak of one time, so they are not set against each other.
 */
function sameTime(a: FigureStatement, b: FigureStatement, copyOf: (doc: string) => string): boolean {
  if (a.time || b.time) return true;
  if (copyOf(a.doc) !== copyOf(b.doc)) return false;
  return !a.published || !b.published || a.published === b.published;
}

function overlaps(a: FigureStatement, b: FigureStatement): boolean {
  return a.qualifier.low <= b.qualifier.high && b.qualifier.low <= a.qualifier.high;
}

export function compareFigureStatements(
  statements: readonly FigureStatement[],
  wanted: { conflicts: boolean; agreements: boolean },
  copyOf: (doc: string) => string,
  maxConflictsPerMeasure: number,
): FigureMatch[] {
  const groups = new Map<string, FigureStatement[]>();
  for (const statement of statements)
    for (const subject of statement.subjects) {
      const key = [statement.measure, statement.unit, subject, statement.time ?? ''].join('\u0000');
      const group = groups.get(key);
      if (group) group.push(statement);
      else groups.set(key, [statement]);
    }
  const found: FigureMatch[] = [];
  const seenPairs = new Set<string>();
  const seenAgreements = new Set<string>();
  const conflictsByMeasure = new Map<string, number>();
  const name = (statement: FigureStatement) => `${statement.doc}:${statement.mark.start}`;
  for (const [key, group] of groups) {
    const [measure, unit, , time] = key.split('\u0000') as [string, string, string, string];
    const why = (statement: FigureStatement) => ({
      subject: [...statement.actors, ...statement.places].join(', '),
      measure,
      unit,
      ...(time ? { time } : {}),
    });
    const byValue = new Map<number, FigureStatement[]>();
    for (const statement of group) {
      const same = byValue.get(statement.value);
      if (same) same.push(statement);
      else byValue.set(statement.value, [statement]);
    }
    if (wanted.agreements)
      for (const same of byValue.values()) {
        // Each statement may lead: the first one read may name a place the others leave out, and the
        // agreement of the rest must not depend on the order the documents were read in.
        const agreeing = new Set<FigureStatement>();
        for (const lead of same) {
          if (agreeing.has(lead)) continue;
          const members = same.filter(
            (statement) => !agreeing.has(statement) && sameSubject(lead, statement) && overlaps(lead, statement),
          );
          if (new Set(members.map((statement) => copyOf(statement.doc))).size < 2) continue;
          for (const member of members) agreeing.add(member);
          const id = members.map(name).join(' ');
          if (seenAgreements.has(id)) continue;
          seenAgreements.add(id);
          found.push({ relation: 'agreement', ...why(lead), statements: members });
        }
      }
    if (!wanted.conflicts) continue;
    const values = [...byValue.keys()].sort((a, b) => a - b);
    for (let x = 0; x < values.length; x++)
      for (let y = x + 1; y < values.length; y++) {
        const used = conflictsByMeasure.get(measure) ?? 0;
        if (used >= maxConflictsPerMeasure) break;
        const pair = firstConflict(
          byValue.get(values[x] as number) ?? [],
          byValue.get(values[y] as number) ?? [],
          copyOf,
        );
        if (!pair) continue;
        const id = pair.map(name).sort().join(' ');
        if (seenPairs.has(id)) continue;
        seenPairs.add(id);
        conflictsByMeasure.set(measure, used + 1);
        found.push({ relation: 'conflict', ...why(pair[0]), statements: pair });
      }
  }
  return dropNarrowerAgreements(found);
}

/**
 * A statement joins a group under each of its subjects, so one agreement can be found whole under one
 * (`Iraq`: three articles) and in part under another (`Arab`: two of them); only the widest is kept.
 */
function dropNarrowerAgreements(found: FigureMatch[]): FigureMatch[] {
  const byValue = new Map<string, Set<FigureStatement>[]>();
  for (const match of found) {
    if (match.relation !== 'agreement') continue;
    const key = `${match.measure}\u0000${match.unit}\u0000${match.statements[0]?.value}`;
    byValue.set(key, [...(byValue.get(key) ?? []), new Set(match.statements)]);
  }
  return found.filter((match) => {
    if (match.relation !== 'agreement') return true;
    const key = `${match.measure}\u0000${match.unit}\u0000${match.statements[0]?.value}`;
    const own = match.statements;
    return !(byValue.get(key) ?? []).some(
      (other) => other.size > own.length && own.every((statement) => other.has(statement)),
    );
  });
}

/**
 * The first two statements, one of each value, from two documents, that cannot both hold. Two
 * versions of one article (a wire story updated, a correction) that change a figure conflict: at most
 * one version is right. A place alone is too wide a subject to conflict on (`22 million people` and `45 million people`
 * in the US count different people): a conflict needs a person, organisation or work in common.
 */
function firstConflict(
  low: readonly FigureStatement[],
  high: readonly FigureStatement[],
  copyOf: (doc: string) => string,
): [FigureStatement, FigureStatement] | undefined {
  // Values ascend from `low` to `high`: a pair conflicts when the lower one's interval ends first.
  const lowestEnd = Math.min(...low.map((a) => a.qualifier.high));
  const highestStart = Math.max(...high.map((b) => b.qualifier.low));
  if (lowestEnd >= highestStart) return undefined;
  for (const a of low)
    for (const b of high)
      if (a.actors.length > 0 && a.doc !== b.doc && sameSubject(a, b) && sameTime(a, b, copyOf) && !overlaps(a, b))
        return [a, b];
  return undefined;
}

export function figureEvidence(statement: FigureStatement): FigureEvidence {
  return {
    doc: statement.doc,
    start: statement.start,
    end: statement.end,
    text: statement.text,
    value: statement.value,
    mark: statement.mark,
    subject: statement.subjects,
    measure: statement.measure,
    unit: statement.unit,
    ...(statement.time ? { time: statement.time } : {}),
    ...(statement.qualifier.words ? { qualifier: statement.qualifier.words } : {}),
  };
}
