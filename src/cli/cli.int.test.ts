// Runs the real `stegvis` command as a child process against a database of its own: a temporary
// embedded data directory (int-pglite) or a fresh database on the PostgreSQL server (int-postgres).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/connection.js';
import { testServerUrl } from '../test/test-database.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const avanti = (name: string) => fileURLToPath(new URL(`../../../shared/data/avanti-2018/${name}`, import.meta.url));
const onPostgres = process.env.STEGVIS_TEST_DB === 'postgres';

let env: Record<string, string>;
let cleanup: () => Promise<void>;
let scratch: string;

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-cli-'));
  if (onPostgres) {
    const name = `stegvis_cli_${randomBytes(6).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(testServerUrl);
    url.pathname = `/${name}`;
    env = { DATABASE_URL: url.toString(), STEGVIS_DATA_DIR: path.join(scratch, 'unused') };
    cleanup = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    env = { DATABASE_URL: '', STEGVIS_DATA_DIR: path.join(scratch, 'data') };
    cleanup = async () => {};
  }
});

afterAll(async () => {
  await cleanup?.();
  fs.rmSync(scratch, { recursive: true, force: true });
});

async function admin(text: string) {
  const client = new pg.Client({ connectionString: testServerUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function stegvis(args: string[], input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: repo,
      env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Row counts of the tables an import writes; opens the database only between CLI runs. */
async function rowCounts(): Promise<Record<string, number>> {
  const handle = await openDatabase(onPostgres ? { databaseUrl: env.DATABASE_URL, dataDir: '' } : { dataDir: env.STEGVIS_DATA_DIR });
  try {
    const counts: Record<string, number> = {};
    for (const table of ['persons', 'enrolments', 'anonymous_registrations', 'consents', 'teams', 'import_batches', 'audit_events'] as const) {
      counts[table] = Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    }
    return counts;
  } finally {
    await handle.close();
  }
}

describe('the stegvis command', () => {
  it('imports the Avanti files in order', async () => {
    for (const kind of ['organisations', 'interventions', 'enrolments']) {
      const result = await stegvis(['import', kind, avanti(`${kind}.csv`)]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`${kind}.csv:`);
    }
    expect(await rowCounts()).toMatchObject({ enrolments: 185, anonymous_registrations: 4, import_batches: 3 });
  }, 180_000); // the first run creates the embedded database: slow on a busy machine

  it('prints the outcomes report exactly as the expected JSON v1', async () => {
    const result = await stegvis(['report', 'outcomes', '--intervention', 'AVANTI', '--from', '2018-01-01', '--to', '2018-12-31', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const expected = JSON.parse(fs.readFileSync(avanti('expected-outcomes.json'), 'utf8'));
    expect(JSON.parse(result.stdout)).toEqual(expected);
    expect(result.stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });

  it('prints the key figures (JSON v1) whose flow is the expected outcomes table', async () => {
    const result = await stegvis(['report', 'figures', '--intervention', 'AVANTI', '--from', '2018-01-01', '--to', '2018-12-31']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const expected = JSON.parse(fs.readFileSync(avanti('expected-outcomes.json'), 'utf8'));
    expect(report).toMatchObject({ report: 'figures', version: 1, scope: { intervention: 'AVANTI' }, volume: { target: 160 }, occupancy: { places: 160 } });
    const { unique_participants: _, ...flow } = report.flow;
    expect(flow).toEqual(expected.flow);
    const unknown = await stegvis(['report', 'figures', '--organisation', 'OKAND', '--from', '2018-01-01', '--to', '2018-12-31']);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toContain("Det finns ingen organisation med koden 'OKAND'.");
  });

  it('prints the monthly series: its exits to work or studies add up to the year’s, and as CSV for Excel', async () => {
    const result = await stegvis(['report', 'monthly', '--intervention', 'AVANTI', '--from', '2018-01', '--to', '2018-12', '--last-year']);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    const expected = JSON.parse(fs.readFileSync(avanti('expected-outcomes.json'), 'utf8'));
    const [avantiSeries, lastYear] = report.series;
    expect(avantiSeries.months.map((m: { month: string }) => m.month)).toHaveLength(12);
    expect(avantiSeries.months.reduce((sum: number, m: { outcomes: number }) => sum + m.outcomes, 0)).toBe(expected.work_or_studies.total.count);
    expect(lastYear.months[0].month).toBe('2017-01');
    const csv = await stegvis(['report', 'monthly', '--intervention', 'AVANTI', '--from', '2018-01', '--to', '2018-03', '--format', 'csv']);
    expect(csv.stdout.startsWith('\uFEFFMånad;AVANTI: aktiva;')).toBe(true);
    expect(csv.stdout).toContain('Januari 2018;');
    const badMonth = await stegvis(['report', 'monthly', '--intervention', 'AVANTI', '--from', '2018-1', '--to', '2018-03']);
    expect(badMonth).toMatchObject({ code: 1, stdout: '' });
    expect(badMonth.stderr).toContain("--from '2018-1' är ingen giltig månad");
  });

  it('writes the förbund\'s national follow-up as CSV for people, suppressed as the förbund sees it', async () => {
    const out = path.join(scratch, 'finsam-2018.csv');
    const result = await stegvis(['report', 'national', '--association', 'FINSAM-MALMO', '--year', '2018', '--format', 'csv', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [header, avantiLine] = fs.readFileSync(out, 'utf8').split('\r\n');
    expect(header.startsWith('\uFEFFFörbund;År;Insatskod;Insats;Insatsägare;Inriktning;Uppföljningsmetod')).toBe(true);
    // Avanti 2018 is planned for 160 participants; its counts are the förbund's (suppressed) figures.
    expect(avantiLine.split(';').slice(0, 7)).toEqual(['FINSAM-MALMO', '2018', 'AVANTI', 'Avanti', 'Malmö stad', 'Individinriktad', 'Stegvis']);
    expect(avantiLine.split(';')[12]).toBe('160');
    const unknown = await stegvis(['report', 'national', '--association', 'OKAND', '--year', '2018', '--out', out]);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toContain("Det finns inget förbund med koden 'OKAND'.");
  });

  it('writes the key figures as a workbook with --out, and refuses a binary format without it', async () => {
    const file = path.join(scratch, 'nyckeltal.xlsx');
    const period = ['--from', '2018-01-01', '--to', '2018-12-31'];
    const result = await stegvis(['report', 'figures', '--intervention', 'AVANTI', ...period, '--format', 'xlsx', '--out', file]);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const flow = workbook.worksheets.find((s) => s.getCell('A1').value === 'Deltagarflöde per kön')!;
    const expected = JSON.parse(fs.readFileSync(avanti('expected-outcomes.json'), 'utf8'));
    expect(flow.getRow(5).values).toEqual([undefined, 'Avslutade', expected.flow.exited.woman, expected.flow.exited.man, expected.flow.exited.other, expected.flow.exited.total, expected.flow.exited.under_30]);
    const refused = await stegvis(['report', 'figures', '--intervention', 'AVANTI', ...period, '--format', 'pdf']);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toContain('--format pdf ger en fil: ange var den ska sparas med --out FIL.');
    const csv = await stegvis(['report', 'figures', '--intervention', 'AVANTI', ...period, '--format', 'csv']);
    expect(csv.stdout).toContain(`\r\nAvslutade;${expected.flow.exited.woman};${expected.flow.exited.man};`);
    const pdf = path.join(scratch, 'utfall.pdf');
    expect(await stegvis(['report', 'outcomes', '--intervention', 'AVANTI', ...period, '--format', 'pdf', '--out', pdf])).toMatchObject({ code: 0, stderr: '' });
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000); // five commands, each a process of its own

  it('refuses a bad file with every error on stderr and exit code 1, changing nothing', async () => {
    const before = await rowCounts();
    const header = fs.readFileSync(avanti('enrolments.csv'), 'utf8').split('\n')[0];
    const bad = path.join(scratch, 'bad.csv');
    fs.writeFileSync(bad, `${header}\nOKAND,,B-1,,,,woman,1990,nej,ja,nej,2018-01-01,AF,,,,,,,\nAVANTI,,B-2,,,,woman,1990,nej,ja,nej,2018-02-30,AF,,,,,,,\n`);
    const result = await stegvis(['import', 'enrolments', bad]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^rad 2, kolumn intervention: Okänd insats: /);
    expect(lines[1]).toMatch(/^rad 3, kolumn start_date: /);
    expect(lines[2]).toContain('2 fel');
    expect(await rowCounts()).toEqual(withImportAudited(before));
  });

  it('a dry run reports what would change and changes nothing', async () => {
    const before = await rowCounts();
    const text = fs.readFileSync(avanti('enrolments.csv'), 'utf8').replace('AVANTI,,AV-0182,', 'AVANTI,Team Ny,AV-0182,');
    const modified = path.join(scratch, 'modified.csv');
    fs.writeFileSync(modified, text);
    const result = await stegvis(['import', 'enrolments', modified, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Provkörning');
    expect(result.stdout).toContain('1 ändrad');
    expect(await rowCounts()).toEqual(withImportAudited(before));
  });

  it('adds a user with a password from stdin, and refuses demo data in a database that has data', async () => {
    const added = await stegvis(
      ['user', 'add', '--email', 'ny@example.se', '--name', 'Ny Handläggare', '--organisation', 'MALMO', '--role', 'case_worker', '--intervention', 'AVANTI', '--password-stdin'],
      'ett-långt-lösenord\n',
    );
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).not.toContain('ett-långt-lösenord');
    const demo = await stegvis(['demo']);
    expect(demo.code).toBe(1);
    expect(demo.stderr).toContain('Databasen innehåller redan data');
  });

  it('answers a missing option in Swedish', async () => {
    const result = await stegvis(['report', 'outcomes', '--intervention', 'AVANTI', '--from', '2018-01-01']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('flaggan --to <datum> saknas');
  });
});

/** Nothing is stored, but the import itself is audited (security review, finding 4). */
const withImportAudited = (before: Record<string, number>) => ({ ...before, audit_events: before.audit_events + 1 });
