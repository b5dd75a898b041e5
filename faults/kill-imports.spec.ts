// Fault suite (issue 11, item 4): `kill -9` during CSV imports of enrolments, through the HTTP
// route (the server killed) and through `stegvis import` (the command killed), on PostgreSQL and on
// the embedded database. After the kills the server is started again, and then: every file is
// wholly there (every row, its audit event, its import batch) or wholly absent, every file that
// answered 200 (or whose command exited 0) is there, the audit log's seals verify, and the outcomes
// report counted in SQL equals the core figure definitions over the files that are there.
// FAULT_IMPORT_KILLS sets the kills per database (CI: 2, one of each way); FAULT_IMPORT_ROWS the
// rows of a file; FAULT_SEED the files' contents. `bench/faults-long.ts` runs many more.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeOutcomes, type EnrolmentFact } from '../src/core/figures/outcomes.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { computeOutcomesReport } from '../src/server/reports/outcomes.service.js';
import { ENROLMENT_COLUMNS } from '../src/core/import/rows.js';
import { csv } from '../src/test/import-rows.js';
import { randomFact, seededRandom } from '../src/test/random-facts.js';
import { seedWorld } from '../src/test/world.js';
import { sealAndVerify } from './lib/audit.js';
import { buildServer, killChildren, killHard, kindUnderTest as kind, login, restartAndStop, sleep, spawnChild, startServer, target } from './lib/server.js';

const kills = Number(process.env.FAULT_IMPORT_KILLS ?? 2);
const rowsPerFile = Number(process.env.FAULT_IMPORT_ROWS ?? 1500);
const seed = Number(process.env.FAULT_SEED ?? 11);

const next = seededRandom(seed);

type ImportFile = { name: string; refPrefix: string; text: string; facts: EnrolmentFact[] };
type Outcome = { file: ImportFile; way: 'http' | 'cli'; answer: 'ok' | 'refused' | 'no answer' };

/** A file of new participants in KOMMUNINSATS with random facts. */
function importFile(name: string): ImportFile {
  const facts: EnrolmentFact[] = [];
  const rows = Array.from({ length: rowsPerFile }, (_, i) => {
    const fact = randomFact(next);
    facts.push(fact);
    return {
      intervention: 'KOMMUNINSATS', participant_ref: `${name}-${i}`, gender: fact.gender, birth_year: String(fact.birthYear),
      anonymous: 'nej', consent: 'ja', protected_identity: 'nej', start_date: fact.startDate, income_before: 'social_assistance',
      exit_date: fact.exitDate ?? '', exit_reason: fact.exitReason ?? '',
    };
  });
  return { name, refPrefix: `${name}-`, text: csv(ENROLMENT_COLUMNS, rows), facts };
}

async function postImport(url: string, headers: Record<string, string>, file: ImportFile): Promise<Outcome['answer']> {
  try {
    const response = await fetch(`${url}/api/v1/imports/enrolments`, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body: file.text });
    await response.arrayBuffer();
    return response.status === 200 ? 'ok' : 'refused';
  } catch {
    return 'no answer';
  }
}

const files = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-fault-import-'));

/** `stegvis import enrolments FILE`, killed after `killAfter` ms unless it ends first. */
async function cliImport(env: Record<string, string>, file: ImportFile, killAfter: number | null): Promise<Outcome['answer']> {
  const where = path.join(files, `${file.name}.csv`);
  fs.writeFileSync(where, file.text);
  const command = spawnChild(['dist/cli/main.js', 'import', 'enrolments', where], env);
  if (killAfter === null) return (await command.exited) === 0 ? 'ok' : 'refused';
  const ended = await Promise.race([command.exited.then(() => true), sleep(killAfter).then(() => false)]);
  if (ended) return (await command.exited) === 0 ? 'ok' : 'refused';
  await killHard(command);
  return 'no answer';
}

beforeAll(buildServer, 600_000);
afterAll(() => {
  killChildren();
  fs.rmSync(files, { recursive: true, force: true });
});

describe(`kill -9 during CSV imports, ${kind}`, () => {
  const t = target(kind);
  afterAll(() => t.drop());

  it(`leaves every file wholly there or wholly absent over ${kills} kills`, { timeout: 300_000 + kills * (rowsPerFile / 1500) * 40_000 }, async () => {
    let handle = await t.open();
    await migrateToLatest(handle.db);
    const world = await seedWorld(handle.db);
    await handle.close();

    const outcomes: Outcome[] = [];
    // How long one import takes here, so a kill can fall anywhere within the next one.
    let importMs = 0;
    const timed = async (run: () => Promise<Outcome['answer']>) => {
      const started = Date.now();
      const answer = await run();
      importMs = Date.now() - started;
      return answer;
    };
    for (let round = 0; round < kills; round++) {
      const killAfter = () => next() * importMs * 1.2;
      if (round % 2 === 0) {
        const server = await startServer(t.env);
        const headers = await login(server.url, world.users.kommunWorker.email);
        const first = importFile(`H${round}a`);
        outcomes.push({ file: first, way: 'http', answer: await timed(() => postImport(server.url, headers, first)) });
        const second = importFile(`H${round}b`);
        const posting = postImport(server.url, headers, second);
        await sleep(killAfter());
        await killHard(server);
        outcomes.push({ file: second, way: 'http', answer: await posting });
      } else {
        // The command alone: on the embedded database it holds the data directory's lock.
        const first = importFile(`C${round}a`);
        outcomes.push({ file: first, way: 'cli', answer: await timed(() => cliImport(t.env, first, null)) });
        const second = importFile(`C${round}b`);
        outcomes.push({ file: second, way: 'cli', answer: await cliImport(t.env, second, killAfter()) });
      }
    }
    // Started once more: it must open the database (the embedded one after a stale lock) and seal.
    await restartAndStop(t.env);

    handle = await t.open();
    try {
      const db = handle.db;
      const present: ImportFile[] = [];
      for (const { file, way, answer } of outcomes) {
        const stored = await sql<{ enrolments: number; audited: number }>`
          select count(e.id)::int as enrolments,
            count(*) filter (where exists (select 1 from audit_events a
              where a.enrolment_id = e.id and a.action = 'create' and a.entity = 'enrolment'))::int as audited
          from persons p left join enrolments e on e.person_id = p.id
          where p.participant_ref like ${`${file.refPrefix}%`}`.execute(db);
        const { enrolments, audited } = stored.rows[0];
        const batch = await sql<{ n: number }>`select count(*)::int as n from import_batches where kind = 'enrolments' and row_count = ${rowsPerFile}
          and file_sha256 = encode(sha256(convert_to(${file.text}, 'UTF8')), 'hex')`.execute(db);
        const whole = { enrolments: rowsPerFile, audited: rowsPerFile, batches: 1 };
        const got = { enrolments, audited, batches: batch.rows[0].n };
        const label = `${file.name} (${way}, ${answer})`;
        if (answer === 'ok') expect(got, label).toEqual(whole);
        else if (answer === 'refused') expect(got, label).toEqual({ enrolments: 0, audited: 0, batches: 0 });
        else expect([whole, { enrolments: 0, audited: 0, batches: 0 }], label).toContainEqual(got);
        if (got.enrolments > 0) present.push(file);
      }
      expect(outcomes.some((o) => o.answer === 'ok')).toBe(true);
      // What the kills hit, for a long run's log: a cut-off file found there or absent.
      console.info(outcomes.map((o) => `${o.file.name} ${o.answer}${o.answer === 'no answer' ? (present.includes(o.file) ? ', there' : ', absent') : ''}`).join('; '));
      // Nothing but the files' participants is stored.
      const persons = await sql<{ n: number }>`select count(*)::int as n from persons`.execute(db);
      expect(persons.rows[0].n).toBe(present.length * rowsPerFile);

      expect(await sealAndVerify(db)).toMatchObject({ ok: true, unsealed: 0 });

      const scope = { intervention: 'KOMMUNINSATS' };
      const facts = present.flatMap((f) => f.facts);
      for (const period of [{ from: '2022-01-01', to: '2022-12-31' }, { from: '2023-03-15', to: '2024-02-10' }]) {
        const fromSql = await computeOutcomesReport(db, { scope, period, suppress: false });
        expect(fromSql).toEqual(computeOutcomes({ scope, period, enrolments: facts, anonymous: [] }));
      }
    } finally {
      await handle.close();
    }
  });
});
