/** Runs `fn` for each input after a warm-up; returns the sorted latencies in ms. */
export async function timeEach<T>(inputs: T[], fn: (input: T) => Promise<unknown>, warmup = 10): Promise<number[]> {
  for (const input of inputs.slice(0, warmup)) await fn(input);
  const times: number[] = [];
  for (const input of inputs) {
    const t0 = performance.now();
    await fn(input);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

export function quantile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0;
}

/** `count` picks from `values`, cycling (so 200 requests spread over whatever distinct values exist). */
export function cycle<T>(values: T[], count: number): T[] {
  if (!values.length) throw new Error('no sample values');
  return Array.from({ length: count }, (_, i) => values[i % values.length]);
}
