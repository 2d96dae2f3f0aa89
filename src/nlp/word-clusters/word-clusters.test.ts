import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterWords, formatClusterTable } from '../../train/word-clusters/train.js';
import { loadWordClusters } from './clusters.js';
import { normalise, sphericalKMeans } from './kmeans.js';

/** Two tight bundles of directions, around (1, 0, 0) and (0, 0, 1). */
function bundles(): { vectors: Float32Array; rows: number[][] } {
  const rows = [
    [1, 0.1, 0],
    [0, 0.1, 1],
    [0.9, 0, 0.1],
    [0.1, 0, 0.9],
    [1, -0.1, 0],
    [0, -0.1, 1],
  ];
  const vectors = Float32Array.from(rows.flat());
  for (let row = 0; row < rows.length; row++) normalise(vectors, row * 3, 3);
  return { vectors, rows };
}

describe('sphericalKMeans', () => {
  it('puts vectors pointing the same way in one cluster and the two bundles apart', () => {
    const { vectors } = bundles();
    const assignment = [...sphericalKMeans(vectors, 3, 2, 10)];
    expect(new Set([assignment[0], assignment[2], assignment[4]]).size).toBe(1);
    expect(new Set([assignment[1], assignment[3], assignment[5]]).size).toBe(1);
    expect(assignment[0]).not.toBe(assignment[1]);
  });

  it('gives the same clusters on every run', () => {
    const { vectors } = bundles();
    expect([...sphericalKMeans(vectors, 3, 2, 10)]).toEqual([...sphericalKMeans(vectors, 3, 2, 10)]);
  });

  it('refuses fewer rows than clusters', () => {
    expect(() => sphericalKMeans(new Float32Array(6), 3, 3, 1)).toThrow(RangeError);
  });
});

describe('word-cluster table', () => {
  it('round-trips through the file format, keeping plain lower-case words only', () => {
    const { rows } = bundles();
    const words = ['calm', 'savage', 'quiet', 'brutal', 'still', 'vicious'];
    const embeddings = {
      dimensions: 3,
      words: ['The', ...words, '2,500'],
      vectors: Object.fromEntries([
        ['The', [1, 0, 0, 1, 0]],
        ...words.map((word, i) => [word, [...(rows[i] as number[]), 1, i]]),
        ['2,500', [0, 1, 0, 1, 7]],
      ]),
    };
    const settings = { words: 10, sizes: [2, 3] as [number, number], iterations: 10 };
    const { words: kept, assignments } = clusterWords(embeddings, settings, () => {});
    expect(kept).toEqual(words);
    const file = join(mkdtempSync(join(tmpdir(), 'lede-clusters-')), 'clusters.tsv');
    writeFileSync(file, formatClusterTable(kept, assignments, settings, 'test vectors'));
    const table = loadWordClusters(file);
    expect(table.sizes).toEqual([2, 3]);
    expect(table.of('savage')?.[0]).toBe(table.of('brutal')?.[0]);
    expect(table.of('savage')?.[0]).not.toBe(table.of('calm')?.[0]);
    expect(table.of('the')).toBeUndefined();
  });

  it('names the command that builds a missing table', () => {
    expect(() => loadWordClusters('/nonexistent/word-clusters.tsv.gz')).toThrow(/lede train word-clusters/);
  });
});
