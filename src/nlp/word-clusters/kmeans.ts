/**
 * Spherical k-means over unit vectors (cosine similarity), seeded deterministically: centroids start at
 * evenly spaced rows, so the same vectors always give the same clusters on any machine.
 */
export function sphericalKMeans(
  vectors: Float32Array,
  dimensions: number,
  k: number,
  iterations: number,
  progress: (iteration: number, moved: number) => void = () => {},
): Int32Array {
  const rows = vectors.length / dimensions;
  if (!Number.isInteger(rows) || rows < k) throw new RangeError(`k-means needs at least ${k} rows of ${dimensions}`);
  const centroids = new Float32Array(k * dimensions);
  for (let c = 0; c < k; c++) {
    const row = Math.floor((c * rows) / k);
    centroids.set(vectors.subarray(row * dimensions, (row + 1) * dimensions), c * dimensions);
  }
  const assignment = new Int32Array(rows).fill(-1);
  for (let iteration = 0; iteration < iterations; iteration++) {
    let moved = 0;
    for (let row = 0; row < rows; row++) {
      const base = row * dimensions;
      let best = 0;
      let bestSimilarity = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const centre = c * dimensions;
        let similarity = 0;
        for (let d = 0; d < dimensions; d++)
          similarity += (vectors[base + d] as number) * (centroids[centre + d] as number);
        if (similarity > bestSimilarity) {
          bestSimilarity = similarity;
          best = c;
        }
      }
      if (assignment[row] !== best) moved++;
      assignment[row] = best;
    }
    progress(iteration, moved);
    if (moved === 0) break;
    centroids.fill(0);
    for (let row = 0; row < rows; row++) {
      const centre = (assignment[row] as number) * dimensions;
      for (let d = 0; d < dimensions; d++)
        centroids[centre + d] = (centroids[centre + d] as number) + (vectors[row * dimensions + d] as number);
    }
    // An emptied centroid stays zero and attracts nothing; normalising keeps the rest on the sphere.
    for (let c = 0; c < k; c++) normalise(centroids, c * dimensions, dimensions);
  }
  return assignment;
}

/** Scales vector[offset, offset + dimensions) to unit length (a zero vector stays zero). */
export function normalise(vector: Float32Array, offset: number, dimensions: number): void {
  let norm = 0;
  for (let d = 0; d < dimensions; d++) norm += (vector[offset + d] as number) ** 2;
  if (norm === 0) return;
  const scale = 1 / Math.sqrt(norm);
  for (let d = 0; d < dimensions; d++) vector[offset + d] = (vector[offset + d] as number) * scale;
}
