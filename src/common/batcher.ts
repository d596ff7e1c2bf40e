import DataLoader from 'dataloader';

/**
 * One statement for many rows: calls made within `windowMs` of each other go to `run` together,
 * which answers each key in order. Deliveries in flight at once then share a statement per step
 * instead of sending one each (a statement costs a round trip and, on this kind of machine, a
 * ~0.1 ms write; issue #15). Nothing is cached: every call reads or writes afresh. If `run`
 * throws, every call of that batch throws.
 */
export function batcher<K, V>(
  run: (keys: readonly K[]) => Promise<V[]>,
  { windowMs = 1, maxBatchSize = 100 } = {},
): (key: K) => Promise<V> {
  const loader = new DataLoader<K, V>(run, {
    cache: false,
    maxBatchSize,
    batchScheduleFn: (callback) => setTimeout(callback, windowMs),
  });
  return (key) => loader.load(key);
}
