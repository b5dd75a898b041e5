import { quantile } from './stats.js';

/** One 30-second window of the soak: answers in it, their latency, and the memory of every process. */
export type SoakWindow = { minute: number; requests: number; errors: number; p50: number; p99: number; serverMb: number; postgresMb: number; generatorMb: number; load: number };

/** bench/results/soak.json, written by bench/soak.ts and rendered by bench/report.ts. */
export type SoakResult = {
  measuredAt: string;
  commit: string;
  minutes: number;
  rate: number;
  sessions: number;
  mix: readonly { kind: string; share: number }[];
  requests: number;
  sentPerSecond: number;
  servedPerSecond: number;
  errors: Record<string, number>;
  imports: { sent: number; ok: number; medianMs: number };
  /** p99 of the last five minutes against the first five; null when the soak is shorter than ten. */
  drift: { firstP99: number; lastP99: number; change: number } | null;
  /** The server's memory after warm-up (minutes 5–10) and in the last five minutes, means of the windows; null under ten minutes. */
  serverMemory: { warmMb: number; lastMb: number; maxMb: number; growth: number } | null;
  windows: SoakWindow[];
};

/** Issue 11's soak targets, at twice the assumed national peak of 120 requests/s (bench/soak.ts). */
export const SOAK_TARGETS = { rate: 240, drift: 0.2, memoryGrowth: 0.1 };

/** The drift target: p99 of the answers (without error) in the last five minutes against the first five (none under ten minutes). */
export function p99Drift(answers: { at: number; ms: number }[], start: number, minutes: number): SoakResult['drift'] {
  if (minutes < 10) return null;
  const p99Within = (from: number, to: number) => quantile(answers.filter((s) => s.at >= from && s.at < to).map((s) => s.ms), 0.99);
  const firstP99 = p99Within(start, start + 5 * 60_000);
  const lastP99 = p99Within(start + (minutes - 5) * 60_000, start + minutes * 60_000);
  return { firstP99, lastP99, change: lastP99 / firstP99 - 1 };
}

/**
 * The memory target: the server's memory in the last five minutes against minutes 5–10, each the
 * mean of its windows, as the drift compares first and last. One window is wherever the garbage
 * collector happened to be; a mean is the level. The highest after warm-up is kept for the report.
 */
export function memoryAfterWarmUp(windows: SoakWindow[]): SoakResult['serverMemory'] {
  const end = windows.at(-1)?.minute ?? 0;
  const warm = windows.filter((w) => w.minute > 5 && w.minute <= 10);
  const last = windows.filter((w) => w.minute > Math.max(5, end - 5));
  if (end < 10 || warm.length === 0 || last.length === 0) return null;
  const mean = (some: SoakWindow[]) => some.reduce((sum, w) => sum + w.serverMb, 0) / some.length;
  const [warmMb, lastMb] = [mean(warm), mean(last)];
  const maxMb = Math.max(...windows.filter((w) => w.minute > 5).map((w) => w.serverMb));
  return { warmMb, lastMb, maxMb, growth: lastMb / warmMb - 1 };
}
