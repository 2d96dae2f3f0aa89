import { diffArrays, diffWords } from 'diff';
import type { DocMeta } from '../../model/index.js';
import { words } from '../near-duplicates/index.js';

/** A run of words that both versions share, or that only one of them has. */
export interface WordPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export type ParagraphChange =
  | { kind: 'same'; text: string }
  | { kind: 'added'; text: string }
  | { kind: 'removed'; text: string }
  | { kind: 'changed'; before: string; after: string; parts: WordPart[] };

export interface VersionDiff {
  /** Present when the headlines differ. */
  headline?: { before: string; after: string; parts: WordPart[] };
  paragraphs: ParagraphChange[];
  counts: { same: number; added: number; removed: number; changed: number };
}

/** Paragraphs whose words overlap this much (Jaccard over word sets) are one paragraph edited, not one removed and one added. */
const SAME_PARAGRAPH = 0.4;

export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

/** Word-level diff of two strings. */
export function diffText(before: string, after: string): WordPart[] {
  return diffWords(before, after).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
}

/**
 * What changed from one version of an article to the next: the headline, and each paragraph as
 * kept, added, removed or changed (with a word-level diff). Paragraphs are aligned by a diff over
 * their normalised words; within a run of removals and additions, similar paragraphs are paired.
 */
/** What a diff reads of a version: its clean text and headline. */
export interface VersionText {
  text: string;
  meta: Pick<DocMeta, 'headline'>;
}

export function diffVersions(older: VersionText, newer: VersionText): VersionDiff {
  const before = paragraphsOf(older.text);
  const after = paragraphsOf(newer.text);
  const key = (paragraph: string) => words(paragraph).join(' ');
  const changes = diffArrays(before.map(key), after.map(key));
  const paragraphs: ParagraphChange[] = [];
  let i = 0;
  let j = 0;
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    paragraphs.push(...pairEdits(removed, added));
    removed = [];
    added = [];
  };
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (change.removed) {
      removed.push(...before.slice(i, i + count));
      i += count;
    } else if (change.added) {
      added.push(...after.slice(j, j + count));
      j += count;
    } else {
      flush();
      for (let k = 0; k < count; k++) paragraphs.push({ kind: 'same', text: after[j + k] as string });
      i += count;
      j += count;
    }
  }
  flush();
  const counts = { same: 0, added: 0, removed: 0, changed: 0 };
  for (const paragraph of paragraphs) counts[paragraph.kind]++;
  const diff: VersionDiff = { paragraphs, counts };
  const headlineBefore = older.meta.headline ?? '';
  const headlineAfter = newer.meta.headline ?? '';
  if (headlineBefore !== headlineAfter) {
    diff.headline = { before: headlineBefore, after: headlineAfter, parts: diffText(headlineBefore, headlineAfter) };
  }
  return diff;
}

/** Pairs each added paragraph with the most similar unpaired removed one, keeping the newer version's order. */
function pairEdits(removed: string[], added: string[]): ParagraphChange[] {
  const out: ParagraphChange[] = [];
  const used = new Set<number>();
  const removedWords = removed.map((paragraph) => new Set(words(paragraph)));
  let lastPaired = -1;
  for (const text of added) {
    const addedWords = new Set(words(text));
    let best = -1;
    let bestScore = SAME_PARAGRAPH;
    removedWords.forEach((set, index) => {
      if (used.has(index) || index < lastPaired) return;
      const score = overlap(set, addedWords);
      if (score >= bestScore) {
        best = index;
        bestScore = score;
      }
    });
    if (best < 0) {
      out.push({ kind: 'added', text });
      continue;
    }
    for (let k = lastPaired + 1; k < best; k++) {
      if (!used.has(k)) {
        used.add(k);
        out.push({ kind: 'removed', text: removed[k] as string });
      }
    }
    used.add(best);
    lastPaired = best;
    const before = removed[best] as string;
    out.push({ kind: 'changed', before, after: text, parts: diffText(before, text) });
  }
  removed.forEach((text, index) => {
    if (!used.has(index)) out.push({ kind: 'removed', text });
  });
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}
