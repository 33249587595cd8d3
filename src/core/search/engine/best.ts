/**
 * The `limit` best of `count` items, best first, by `before(a, b)` ("a ranks above b", a
 * strict order). With a limit below the count a bounded heap keeps only the best so far, so
 * a word found in half the library is not sorted in full to show one page of it.
 */
export function bestIndexes(
  count: number,
  limit: number,
  before: (a: number, b: number) => boolean,
): number[] {
  const order = (a: number, b: number) => (before(a, b) ? -1 : before(b, a) ? 1 : 0);
  if (limit >= count) return Array.from({ length: count }, (_, i) => i).sort(order);
  if (limit <= 0) return [];
  // A heap with the worst of the kept items at its root.
  const heap: number[] = [];
  const swap = (i: number, j: number) => {
    const t = heap[i] as number;
    heap[i] = heap[j] as number;
    heap[j] = t;
  };
  const worse = (i: number, j: number) => before(heap[j] as number, heap[i] as number);
  for (let item = 0; item < count; item += 1) {
    if (heap.length < limit) {
      heap.push(item);
      for (let c = heap.length - 1; c > 0;) {
        const p = (c - 1) >> 1;
        if (!worse(c, p)) break;
        swap(c, p);
        c = p;
      }
    } else if (before(item, heap[0] as number)) {
      heap[0] = item;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let w = i;
        if (l < heap.length && worse(l, w)) w = l;
        if (r < heap.length && worse(r, w)) w = r;
        if (w === i) break;
        swap(i, w);
        i = w;
      }
    }
  }
  return heap.sort(order);
}
