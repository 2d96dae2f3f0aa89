import { describe, expect, it } from 'vitest';
import { averageLinkDendrogram, cutDendrogram, tfidfVectors } from './average-link.js';

describe('average-link baseline', () => {
  it('merges the two similar texts first and keeps the third apart at a middle threshold', () => {
    const vectors = tfidfVectors([
      'earthquake napa california buildings damaged',
      'napa earthquake damaged buildings dozens injured',
      'pirates navy gulf aden captured',
    ]);
    const dendrogram = averageLinkDendrogram(vectors);
    expect(dendrogram.merges[0]).toMatchObject({ a: 0, b: 1 });
    const clusters = cutDendrogram(dendrogram, 0.2);
    expect(clusters[0]).toBe(clusters[1]);
    expect(clusters[2]).not.toBe(clusters[0]);
    expect(new Set(cutDendrogram(dendrogram, -1)).size).toBe(1);
  });
});
