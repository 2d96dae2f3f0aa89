import { describe, expect, it } from 'vitest';
import { collectDocumentStats, documentFeatures, mergeDocumentStats } from './document-features.js';

const sentences = [
  ['Alan', 'Shearer', 'scored', 'twice', '.'],
  ['Mr', 'Crosby', 'said', 'Monsanto', 'would', 'pay', '.'],
  ['Monsanto', 'said', 'Shearer', 'and', 'Crosby', 'met', '.'],
];

describe('document features', () => {
  it('tells a word written after Mr or inside a run of names from one the document only writes alone', () => {
    const stats = collectDocumentStats(sentences);
    const [monsanto, , shearer, , crosby] = documentFeatures(stats, sentences[2] as string[]);
    expect(shearer).toEqual(expect.arrayContaining(['d:runend', 'd:capmid']));
    expect(shearer).not.toContain('d:alone');
    expect(crosby).toEqual(expect.arrayContaining(['d:addressed']));
    expect(monsanto).toContain('d:alone');
    expect(monsanto).not.toContain('d:runend');
  });

  it('reads no runs in an all-caps headline, where every word is capitalised', () => {
    const stats = collectDocumentStats([['MONSANTO', 'FINED', 'FOR', 'BRIBERY']]);
    expect(stats.runEnds.size).toBe(0);
    expect(documentFeatures(stats, ['MONSANTO'])[0]).toContain('d:alone');
  });

  it('merges the stats of a headline with those of its text', () => {
    const merged = mergeDocumentStats(collectDocumentStats(sentences), collectDocumentStats([['Mr', 'Howard']]));
    expect(merged.addressed).toEqual(new Set(['crosby', 'howard']));
    expect(merged.runEnds.has('shearer')).toBe(true);
  });
});
