/** A logistic regression fitted by Newton's method (iteratively reweighted least squares) with a small ridge. */
export interface LogisticFit {
  weights: number[];
  bias: number;
}

export function fitLogistic(
  rows: readonly number[][],
  labels: readonly number[],
  ridge = 1,
  iterations = 30,
): LogisticFit {
  const width = (rows[0]?.length ?? 0) + 1;
  let beta = new Array<number>(width).fill(0);
  for (let iteration = 0; iteration < iterations; iteration++) {
    const gradient = new Array<number>(width).fill(0);
    const hessian = Array.from({ length: width }, () => new Array<number>(width).fill(0));
    rows.forEach((row, n) => {
      const x = [1, ...row];
      const p = 1 / (1 + Math.exp(-x.reduce((sum, value, i) => sum + value * (beta[i] as number), 0)));
      const residual = (labels[n] as number) - p;
      const curvature = Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i < width; i++) {
        gradient[i] = (gradient[i] as number) + residual * (x[i] as number);
        const rowI = hessian[i] as number[];
        for (let j = 0; j < width; j++) rowI[j] = (rowI[j] as number) + curvature * (x[i] as number) * (x[j] as number);
      }
    });
    // The ridge leaves the intercept free.
    for (let i = 1; i < width; i++) {
      gradient[i] = (gradient[i] as number) - ridge * (beta[i] as number);
      (hessian[i] as number[])[i] = ((hessian[i] as number[])[i] as number) + ridge;
    }
    const step = solve(hessian, gradient);
    beta = beta.map((value, i) => value + (step[i] as number));
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { bias: beta[0] as number, weights: beta.slice(1) };
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++)
      if (Math.abs((a[row] as number[])[col] as number) > Math.abs((a[pivot] as number[])[col] as number)) pivot = row;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const head = a[col] as number[];
    for (let row = col + 1; row < n; row++) {
      const target = a[row] as number[];
      const factor = (target[col] as number) / (head[col] as number);
      for (let k = col; k <= n; k++) target[k] = (target[k] as number) - factor * (head[k] as number);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    const line = a[row] as number[];
    let sum = line[n] as number;
    for (let k = row + 1; k < n; k++) sum -= (line[k] as number) * (x[k] as number);
    x[row] = sum / (line[row] as number);
  }
  return x;
}
