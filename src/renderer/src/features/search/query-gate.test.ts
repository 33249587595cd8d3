import { describe, expect, it } from 'vitest';
import { QueryGate } from './query-gate';

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('QueryGate', () => {
  it('is clear at once while no query runs', async () => {
    let passed = false;
    void new QueryGate().whenClear().then(() => (passed = true));
    await tick();
    expect(passed).toBe(true);
  });

  it('holds whoever waits until the query is answered', async () => {
    const gate = new QueryGate(10_000);
    let answer: (value: string) => void = () => {};
    const query = gate.run(() => new Promise<string>((resolve) => (answer = resolve)));
    let passed = false;
    void gate.whenClear().then(() => (passed = true));
    await tick(20);
    expect(passed).toBe(false);
    answer('results');
    expect(await query).toBe('results');
    await tick(5);
    expect(passed).toBe(true);
  });

  it('lets the import go on after the longest wait, and opens after a failed query too', async () => {
    const gate = new QueryGate(30);
    const stuck = gate.run(() => new Promise<never>(() => undefined));
    void stuck;
    const started = Date.now();
    await gate.whenClear();
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    const other = new QueryGate(10_000);
    await expect(other.run(() => Promise.reject(new Error('worker stopped')))).rejects.toThrow();
    await tick(5);
    await other.whenClear();
  });
});
