// The targets of issues 5, 11 and 12, judged on the PostgreSQL figures. A target whose case was not run at
// its scale says so instead of passing.
import { loadSummary, msShort, num, pct, ratio } from './format.js';
import type { ImportFigure } from '../cases/import.js';
import type { LoadFigure } from './load-gen.js';
import type { ScaleResult } from './run-scale.js';
import { SOAK_TARGETS, type SoakResult } from './soak-result.js';

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
  // Issue 11's targets (they replace issue 5's share of the bare route): p99, throughput, and the
  // API within 2× of its SQL floor measured in the same run.
  const apiTargets = {
    list: { name: 'list (page of 50)', p99: 100, rps: 600 },
    enrolment: { name: 'single enrolment', p99: 50, rps: 1500 },
    report: { name: 'outcomes report', p99: null, rps: 1000 },
  } as const;
  for (const endpoint of ['list', 'enrolment', 'report'] as const) {
    const e = api?.endpoints.find((x) => x.endpoint === endpoint);
    const t = apiTargets[endpoint];
    if (!e) {
      out.push(notRun(`API ${t.name}`, 'M'));
      continue;
    }
    const a = loadSummary(e.api);
    if (t.p99 !== null) out.push({ target: `API ${t.name}: p99 under ${t.p99} ms at 50 connections`, scale: 'M', figure: `p99 ${msShort(a.p99)}`, met: a.p99 < t.p99 });
    out.push({ target: `API ${t.name}: at least ${num(t.rps, 0)} requests/s`, scale: 'M', figure: `${num(a.rps.median, 0)} req/s`, met: a.rps.median >= t.rps });
    const floor = e.floor?.length ? loadSummary(e.floor) : null;
    const times = floor ? floor.rps.median / a.rps.median : null;
    out.push(
      times !== null
        ? { target: `API ${t.name}: within 2× of its SQL floor`, scale: 'M', figure: `${ratio(times)} (${num(a.rps.median, 0)} against ${num(floor!.rps.median, 0)} req/s)`, met: times <= 2 }
        : notRun(`API ${t.name}: within 2× of its SQL floor`, 'M'),
    );
  }
  const auditTarget = 'Audit overhead on the list endpoint at most 15 %';
  if (api) {
    const overhead = auditOverhead(api.audit);
    out.push({ target: auditTarget, scale: 'M', figure: pct(overhead), met: overhead <= 0.15 });
  } else out.push(notRun(auditTarget, 'M'));
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

/** Issue 11's soak: at twice the peak, no errors, p99 steady from the first five minutes to the last, the server's memory flat. */
export function soakVerdicts(soak: SoakResult | null): Verdict[] {
  const scale = 'demo';
  const at = `${SOAK_TARGETS.rate} req/s, 30 min`;
  const errorsTarget = `Soak (${at}): zero errors`;
  const driftTarget = `Soak (${at}): p99 drifts less than ${pct(SOAK_TARGETS.drift)} from the first to the last five minutes`;
  const memoryTarget = `Soak (${at}): the server's memory grows less than ${pct(SOAK_TARGETS.memoryGrowth)} after warm-up`;
  if (!soak) return [notRun(errorsTarget, scale), notRun(driftTarget, scale), notRun(memoryTarget, scale)];
  // A run at a lower rate or for less time shows its figures, but cannot meet the target.
  const asTargeted = soak.rate >= SOAK_TARGETS.rate && soak.minutes >= 30;
  const ran = asTargeted ? '' : ` (run: ${soak.minutes} min at ${soak.rate} req/s)`;
  const errors = Object.values(soak.errors).reduce((sum, n) => sum + n, 0);
  return [
    { target: errorsTarget, scale, figure: `${num(errors, 0)} of ${num(soak.requests, 0)}${ran}`, met: asTargeted && errors === 0 },
    soak.drift
      ? { target: driftTarget, scale, figure: `${msShort(soak.drift.firstP99)} → ${msShort(soak.drift.lastP99)} (${pct(soak.drift.change)})${ran}`, met: asTargeted && Math.abs(soak.drift.change) < SOAK_TARGETS.drift }
      : notRun(driftTarget, scale),
    soak.serverMemory
      ? { target: memoryTarget, scale, figure: `${num(soak.serverMemory.warmMb, 0)} → ${num(soak.serverMemory.lastMb, 0)} MB, minutes 5–10 to the last five (${pct(soak.serverMemory.growth)}; highest ${num(soak.serverMemory.maxMb, 0)} MB)${ran}`, met: asTargeted && soak.serverMemory.growth < SOAK_TARGETS.memoryGrowth }
      : notRun(memoryTarget, scale),
  ];
}
