import type { Sample } from './stats.js';

/** bench/results/start.json, written by bench/start.ts and rendered by bench/report.ts. */
export type StartResult = {
  date: string;
  commit: string;
  loadAverage: number[];
  runs: number;
  first: Sample;
  restart: Sample;
  /** `node dist/server/main.js` without npm and the build checks: what npm start adds. */
  restartNode: Sample;
  floor: Sample;
  budget: { firstMs: number; restartMs: number };
  ok: boolean;
};
