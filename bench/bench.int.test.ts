// Proves the benchmark suite still runs, at the tiny scale, on this project's database kind:
// every case once, briefly, and the results page renders. No timing is asserted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { forget, locationOf, type DbKind } from './lib/db.js';
import { runScale } from './lib/run-scale.js';
import { renderResults } from './report.js';

const kind: DbKind = process.env.STEGVIS_TEST_DB === 'postgres' ? 'postgres' : 'embedded';
const labelSuffix = `_smoke_${process.pid}`;
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-bench-smoke-'));

afterAll(async () => {
  await forget(locationOf(kind, `tiny${labelSuffix}`));
  fs.rmSync(outDir, { recursive: true, force: true });
});

it(`runs every case at the tiny scale on ${kind} and renders the results`, async () => {
  const result = await runScale('tiny', {
    seed: 1,
    kinds: [kind],
    cases: ['outcomes', 'association', 'import', 'api', 'pair', 'embedded'],
    outcomeRuns: 1,
    associationRuns: 1,
    importRuns: 1,
    startRuns: 1,
    load: { connections: 4, seconds: 1, warmupSeconds: 1, runs: 1 },
    labelSuffix,
  });
  const r = result.kinds[kind]!;
  expect(r.errors).toEqual({});
  expect(r.outcomes?.map((o) => o.scope)).toEqual(['intervention-year', 'förbund-year', 'country-year']);
  expect(r.association?.map((o) => o.scope)).toEqual(['förbund-year', 'country-year']);
  expect(r.import?.rows).toBe(1_000);
  expect(r.import?.allOrNothing).toMatchObject({ refused: true, nothingWritten: true });
  expect(r.api?.endpoints.map((e) => e.api[0].requests > 0)).toEqual([true, true, true]);
  expect(r.api?.audit.off[0].requests).toBeGreaterThan(0);
  if (kind === 'postgres') expect(r.pair?.sessionShared).toBe(true);
  else expect(r.embeddedStart?.first.ms.median).toBeGreaterThan(0);

  fs.writeFileSync(path.join(outDir, 'tiny.json'), JSON.stringify(result));
  const page = renderResults(outDir, null);
  expect(page).toContain('## Targets (PostgreSQL)');
  expect(page).toContain('## 3. API under load against a bare route');
  expect(page).toContain("## 1b. The förbund's figures against one hand-written SQL statement");
}, 600_000);
