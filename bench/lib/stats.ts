/** Small statistics helpers for the bench: percentiles by nearest rank, rates, rounding. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const round = (x: number, places = 1) => Math.round(x * 10 ** places) / 10 ** places;

/** Runs `work(i)` for i in [0, n) with at most `concurrency` in flight; results in order. */
export async function inPool<T>(
  n: number,
  concurrency: number,
  work: (i: number) => Promise<T>,
): Promise<T[]> {
  const out = new Array<T>(n);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, n) }, async () => {
    while (next < n) {
      const i = next++;
      out[i] = await work(i);
    }
  });
  await Promise.all(lanes);
  return out;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
