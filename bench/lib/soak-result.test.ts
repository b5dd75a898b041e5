import { describe, expect, it } from 'vitest';
import { memoryAfterWarmUp, p99Drift } from './soak-result.js';
import { quantile } from './stats.js';

const minute = 60_000;
const window = (at: number, serverMb: number) => ({ minute: at, requests: 1, errors: 0, p50: 1, p99: 1, serverMb, postgresMb: 1, generatorMb: 1, load: 1 });

describe('the soak targets', () => {
  it('takes the p99 of the first and of the last five minutes, nothing in between', () => {
    // 100 answers a minute: 10 ms, with one slow answer in each of minutes 0–4, 5–24 and 25–29.
    const answers = Array.from({ length: 30 }, (_, m) =>
      Array.from({ length: 100 }, (_, i) => ({ at: m * minute + i * 600, ms: i === 0 ? (m < 5 ? 100 : m < 25 ? 999 : 120) : 10 })),
    ).flat();
    const drift = p99Drift(answers, 0, 30)!;
    // 5 slow answers of 500: the 495th value (nearest rank of 0.99) is the first slow one.
    expect(drift.firstP99).toBe(100);
    expect(drift.lastP99).toBe(120);
    expect(drift.change).toBeCloseTo(0.2);
    expect(quantile(answers.slice(0, 500).map((a) => a.ms), 0.99)).toBe(100);
  });

  it('judges no drift under ten minutes', () => {
    expect(p99Drift([{ at: 0, ms: 1 }], 0, 9)).toBeNull();
  });

  it('measures memory growth from the mean of minutes 5–10 to the mean of the last five, a single high window aside', () => {
    const windows = [window(0.5, 150), window(5, 400), window(7.5, 200), window(10, 220), window(12, 500), window(26, 230), window(30, 250)];
    expect(memoryAfterWarmUp(windows)).toEqual({ warmMb: 210, lastMb: 240, maxMb: 500, growth: 240 / 210 - 1 });
    expect(memoryAfterWarmUp(windows.slice(0, 4))).toEqual({ warmMb: 210, lastMb: 210, maxMb: 220, growth: 0 });
    expect(memoryAfterWarmUp(windows.slice(0, 3))).toBeNull();
  });
});
