// Case: CSV import of the scale's enrolment file (100,000 rows at M) into a database holding only
// organisations and interventions, against COPY of the same bytes into a bare table. Every run
// starts from a fresh copy of the same prepared database; one run with a bad last row proves the
// file is still refused whole.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { ENROLMENT_HEADERS } from '../../src/server/demo/generate.js';
import type { ScaleOptions } from '../../src/server/demo/scale.js';
import type { DatabaseHandle } from '../../src/server/db/connection.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { importEnrolments } from '../../src/server/import/import.service.js';
import { log } from '../lib/args.js';
import { benchDir, cloneAt, createPg, openAt, removeAt, type DbKind, type Location } from '../lib/db.js';
import { enrolmentFile, importOptions, loadMasterData } from '../lib/load.js';
import { summarise, type Sample } from '../lib/stats.js';

export type ImportFigure = {
  rows: number;
  bytes: number;
  import: Sample;
  copy: Sample;
  rowsPerSecond: number;
  ratio: number;
  allOrNothing: { refused: boolean; nothingWritten: boolean; ms: number };
  counts: Record<string, number>;
};

const bareTable = `create table bench_copy (${ENROLMENT_HEADERS.map((h) => `${h} text`).join(', ')})`;

const place = (kind: DbKind, label: string): Location =>
  kind === 'postgres' ? { kind, name: `stegvis_bench_${label}` } : { kind, dir: path.join(benchDir, label) };

async function prepareTemplate(kind: DbKind, opts: ScaleOptions, suffix: string): Promise<Location> {
  const template = place(kind, `import_tpl${suffix}`);
  await removeAt(template);
  if (template.kind === 'postgres') await createPg(template.name);
  const handle = await openAt(template);
  try {
    await migrateToLatest(handle.db);
    await loadMasterData(handle.db, opts);
  } finally {
    await handle.close();
  }
  return template;
}

/** COPY FROM STDIN on PostgreSQL; on PGlite (whose socket does not carry COPY) its own COPY from a blob, in process. */
async function timeCopy(location: Location, handle: DatabaseHandle, text: string): Promise<number> {
  if (location.kind === 'postgres') {
    const client = await handle.pool.connect();
    try {
      await client.query(bareTable);
      const start = performance.now();
      await pipeline(Readable.from([text]), client.query(copyFrom('COPY bench_copy FROM STDIN (FORMAT csv, HEADER true)')));
      return performance.now() - start;
    } finally {
      client.release();
    }
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const dir = `${location.dir}-copy`;
  fs.rmSync(dir, { recursive: true, force: true });
  const db = await PGlite.create(dir);
  try {
    await db.exec(bareTable);
    const start = performance.now();
    await db.query(`COPY bench_copy FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], { blob: new Blob([text]) });
    return performance.now() - start;
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const tableCounts = async (handle: DatabaseHandle) => {
  const { rows } = await handle.pool.query(`select
    (select count(*) from persons)::int as persons, (select count(*) from enrolments)::int as enrolments,
    (select count(*) from anonymous_registrations)::int as anonymous, (select count(*) from consents)::int as consents,
    (select count(*) from audit_events)::int as audit_events`);
  return rows[0] as Record<string, number>;
};

/** `suffix` keeps the databases of concurrent runs (the smoke test) apart. */
export async function importCase(kind: DbKind, opts: ScaleOptions, runs: number, suffix = ''): Promise<ImportFigure> {
  const { text, rows } = enrolmentFile(opts);
  const template = await prepareTemplate(kind, opts, suffix);
  const target = place(kind, `import_run${suffix}`);
  const importTimes: number[] = [];
  const copyTimes: number[] = [];
  let counts: Record<string, number> = {};
  try {
    for (let run = 0; run < runs; run++) {
      await cloneAt(template, target);
      const handle = await openAt(target);
      try {
        copyTimes.push(await timeCopy(target, handle, text));
        const start = performance.now();
        const result = await importEnrolments(handle.db, text, importOptions);
        importTimes.push(performance.now() - start);
        if (!result.ok || result.rows !== rows) throw new Error(`import failed: ${JSON.stringify(result).slice(0, 300)}`);
        counts = await tableCounts(handle);
        log(`  ${kind} import run ${run + 1}: ${importTimes.at(-1)!.toFixed(0)} ms, COPY ${copyTimes.at(-1)!.toFixed(0)} ms`);
      } finally {
        await handle.close();
      }
    }
    const allOrNothing = await refusedWhole(template, target, text);
    const imp = summarise(importTimes);
    const copy = summarise(copyTimes);
    return { rows, bytes: Buffer.byteLength(text), import: imp, copy, rowsPerSecond: Math.round(rows / (imp.median / 1000)), ratio: imp.median / copy.median, allOrNothing, counts };
  } finally {
    await removeAt(target);
    await removeAt(template);
  }
}

/** The same file with a bad gender on its last row: every row is refused and nothing but the import's audit event is written. */
async function refusedWhole(template: Location, target: Location, text: string) {
  await cloneAt(template, target);
  const handle = await openAt(target);
  try {
    const before = await tableCounts(handle);
    const lines = text.trimEnd().split('\n');
    const cells = lines[lines.length - 1].split(',');
    cells[ENROLMENT_HEADERS.indexOf('gender')] = 'okänt';
    lines[lines.length - 1] = cells.join(',');
    const start = performance.now();
    const result = await importEnrolments(handle.db, `${lines.join('\n')}\n`, importOptions);
    const ms = performance.now() - start;
    const after = await tableCounts(handle);
    // The refused file itself is audited (one import event, security review finding 4); no row of it is written.
    const expected = { ...before, audit_events: before.audit_events + 1 };
    return { refused: !result.ok, nothingWritten: JSON.stringify(expected) === JSON.stringify(after), ms };
  } finally {
    await handle.close();
  }
}
