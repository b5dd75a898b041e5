// The targets of issue 5, judged on the PostgreSQL figures. A target whose case was not run at
// its scale says so instead of passing.
import { loadSummary, msShort, num, pct, ratio } from './format.js';
import type { ImportFigure } from '../cases/import.js';
import type { LoadFigure } from './load-gen.js';
import type { ScaleResult } from './run-scale.js';

export type Verdict = { target: string; scale: string; figure: string; met: boolean | null };

const pgOf = (results: ScaleResult[], scale: string) => results.find((r) => r.scale === scale)?.kinds.postgres;
const notRun = (target: string, scale: string): Verdict => ({ target, scale, figure: 'not run', met: null });

export function verdicts(results: ScaleResult[]): Verdict[] {
  const out: Verdict[] = [];
  for (const r of results) {
    for (const o of r.kinds.postgres?.outcomes ?? []) {
      out.push({ target: `Outcomes report ${o.scope} within 1.5× of the SQL floor`, scale: r.scale, figure: `${ratio(o.ratio)} (${msShort(o.report.median)} vs ${msShort(o.floor.median)})`, met: o.ratio <= 1.5 });
    }
  }
  const l = pgOf(results, 'L')?.outcomes;
  const at = (scope: string) => l?.find((o) => o.scope === scope);
  for (const [scope, limit] of [['förbund-year', 300], ['country-year', 2000]] as const) {
    const o = at(scope);
    const target = `Outcomes report ${scope} under ${msShort(limit)}`;
    out.push(o ? { target, scale: 'L', figure: msShort(o.report.median), met: o.report.median < limit } : notRun(target, 'L'));
  }
  // Issue 12: a förbund's year of every figure (its dashboard) and the country-year.
  for (const [scope, limit] of [['förbund-year', 1000], ['country-year', 5000]] as const) {
    const target = `Förbund's figures ${scope} under ${msShort(limit)}`;
    const found = [...results].reverse().map((r) => ({ scale: r.scale, f: r.kinds.postgres?.association?.find((x) => x.scope === scope) })).find((x) => x.f && ['L', 'M'].includes(x.scale));
    // Judged on the steady state: decisions kept by the background decider, as users meet them.
    const cold = found?.f?.first != null ? `; cold miss ${msShort(found.f.first)}` : '';
    out.push(found?.f ? { target, scale: found.scale, figure: `${msShort(found.f.report.median)} with decisions kept (floor ${msShort(found.f.floor.median)})${cold}`, met: found.scale === 'L' ? found.f.report.median < limit : null } : notRun(target, 'L'));
  }
  const m = pgOf(results, 'M');
  out.push(...importVerdicts(m?.import, results.find((r) => r.scale === 'M')?.kinds.embedded?.import));
  const api = m?.api;
  for (const endpoint of ['list', 'enrolment', 'report'] as const) {
    const e = api?.endpoints.find((x) => x.endpoint === endpoint);
    const name = { list: 'list (page of 50)', enrolment: 'single enrolment', report: 'outcomes report' }[endpoint];
    if (!e) {
      out.push(notRun(`API ${name}`, 'M'));
      continue;
    }
    const a = loadSummary(e.api);
    const b = loadSummary(e.bare);
    if (endpoint !== 'report') out.push({ target: `API ${name}: p99 under 100 ms at 50 connections`, scale: 'M', figure: `p99 ${msShort(a.p99)}`, met: a.p99 < 100 });
    const share = a.rps.median / b.rps.median;
    out.push({ target: `API ${name}: at least 1/3 of the bare route's throughput`, scale: 'M', figure: `${pct(share)} (${num(a.rps.median, 0)} of ${num(b.rps.median, 0)} req/s)`, met: share >= 1 / 3 });
  }
  if (api) {
    const overhead = auditOverhead(api.audit);
    out.push({ target: 'Audit overhead on the list endpoint at most 20 %', scale: 'M', figure: pct(overhead), met: overhead <= 0.2 });
  } else out.push(notRun('Audit overhead on the list endpoint at most 20 %', 'M'));
  return out;
}

/** Extra time per request with audit on: throughput off ÷ throughput on − 1. */
export function auditOverhead(audit: { on: LoadFigure[]; off: LoadFigure[] }): number {
  return loadSummary(audit.off).rps.median / loadSummary(audit.on).rps.median - 1;
}

// Issue 11, item 3: the import of 100,000 enrolments near COPY of the same bytes.
const IMPORT_TARGETS = { postgresRowsPerSecond: 25_000, copyRatio: 15, embeddedRowsPerSecond: 10_000 };

function importVerdicts(pg: ImportFigure | undefined, embedded: ImportFigure | undefined): Verdict[] {
  const rowsTarget = `Import at least ${num(IMPORT_TARGETS.postgresRowsPerSecond, 0)} rows/s`;
  const copyTarget = `Import within ${IMPORT_TARGETS.copyRatio}× of COPY`;
  const wholeTarget = 'Import all-or-nothing kept';
  const embeddedTarget = `Import on the embedded database at least ${num(IMPORT_TARGETS.embeddedRowsPerSecond, 0)} rows/s`;
  const out: Verdict[] = pg
    ? [
        { target: rowsTarget, scale: 'M', figure: `${num(pg.rowsPerSecond, 0)} rows/s`, met: pg.rowsPerSecond >= IMPORT_TARGETS.postgresRowsPerSecond },
        { target: copyTarget, scale: 'M', figure: ratio(pg.ratio), met: pg.ratio <= IMPORT_TARGETS.copyRatio },
        {
          target: wholeTarget,
          scale: 'M',
          figure: pg.allOrNothing.refused && pg.allOrNothing.nothingWritten ? 'bad last row: file refused, nothing written' : 'FAILED',
          met: pg.allOrNothing.refused && pg.allOrNothing.nothingWritten,
        },
      ]
    : [notRun(rowsTarget, 'M'), notRun(copyTarget, 'M'), notRun(wholeTarget, 'M')];
  out.push(
    embedded
      ? { target: embeddedTarget, scale: 'M', figure: `${num(embedded.rowsPerSecond, 0)} rows/s`, met: embedded.rowsPerSecond >= IMPORT_TARGETS.embeddedRowsPerSecond }
      : notRun(embeddedTarget, 'M'),
  );
  return out;
}
