/**
 * link/versions: what differs between two versions of one article (a near-duplicate group from
 * link/near-duplicates): the headline and each paragraph as kept, added, removed or changed, with
 * a word-level diff (the `diff` package). Requires `doc.text` and `doc.meta.headline`.
 * Limits: paragraphs are the clean text's blank-line blocks; a paragraph split in two shows as one
 * changed and one added. Not scored against a dataset; seed 000 → 001 is checked in diff-versions.test.ts.
 */
export {
  diffText,
  diffVersions,
  type ParagraphChange,
  paragraphsOf,
  type VersionDiff,
  type WordPart,
} from './diff-versions.js';
