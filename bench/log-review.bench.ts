// Log review (loggkontroll) at scale: 1,000,000 audit rows inserted with generate_series through
// the real insert triggers (hash chain, controller, protected flag), then the three review
// queries timed through the service layer as the API runs them, median of 5 after one warm-up.
// Requirement (issue 3): each answers in under 10 s.
//
//   npx tsx bench/log-review.bench.ts [--db postgres,embedded] [--rows 1000000] [--runs 5] [--keep]
//
// Prints a Markdown section for bench/RESULTS.md on standard out; progress on standard error.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { loadActor } from '../src/server/access/actor.js';
import { verifyAuditChain } from '../src/server/audit/audit-chain.service.js';
import { exportAccesses, listAccesses, sampleAccesses } from '../src/server/audit/log-review.service.js';
import { actorScope } from '../src/server/access/data-scope.js';
import type { RequestContext } from '../src/server/context.js';
import type { Db } from '../src/server/db/connection.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { list, log, parseArgs } from './lib/args.js';
import { createPg, locationOf, openAt, removeAt, type DbKind, type Location } from './lib/db.js';
import { loadAverage } from './lib/machine.js';
import { round, timeRuns, type Sample } from './lib/stats.js';

const args = parseArgs(process.argv.slice(2));
const kinds = list(args.get('db'), ['postgres', 'embedded']) as DbKind[];
const rows = Number(args.get('rows') ?? 1_000_000);
const runs = Number(args.get('runs') ?? 5);
const ORGS = 5;
const USERS_PER_ORG = 40;
const PERSONS_PER_ORG = 10_000;
const CHUNK = 100_000;

/** Five parties with staff, one intervention each, and a person with one enrolment per row of persons. */
async function seedParties(db: Db) {
  await sql.raw(`
    insert into organisations (code, name, kind) select 'ORG' || i, 'Organisation ' || i, 'municipality' from generate_series(1, ${ORGS}) i;
    insert into users (organisation_id, email, display_name)
      select o.id, 'u' || g || '@' || lower(o.code) || '.bench', 'Användare ' || g from organisations o, generate_series(1, ${USERS_PER_ORG}) g;
    insert into interventions (code, name, owner_org_id, start_date, orientation, follow_up)
      select 'INS-' || code, 'Insats ' || code, id, '2020-01-01', 'individual', 'individual' from organisations;
    insert into persons (controller_org_id, participant_ref, first_name, last_name, gender)
      select o.id, o.code || '-' || g, 'Förnamn' || g, 'Efternamn', 'woman' from organisations o, generate_series(1, ${PERSONS_PER_ORG}) g;
    insert into enrolments (person_id, intervention_id, controller_org_id, gender, start_date)
      select p.id, i.id, p.controller_org_id, 'woman', '2024-01-01' from persons p join interventions i on i.owner_org_id = p.controller_org_id;
    -- Numbered copies so a row number picks a person or user without a random function.
    create table bench_persons as
      select row_number() over (order by o.code, p.participant_ref) as n, p.id, e.id as enrolment_id
      from persons p join organisations o on o.id = p.controller_org_id join enrolments e on e.person_id = p.id;
    create table bench_users as
      select row_number() over (order by o.code, u.email) as n, u.id, u.organisation_id
      from users u join organisations o on o.id = u.organisation_id;
    create index on bench_persons (n);
    create index on bench_users (n);
  `).execute(db);
}

/**
 * Rows g = from..to, in time order over one year: a person picked by g, four in five accesses by
 * the controller's own staff and one in five by another party's; one in fifty a denied read that
 * records only the enrolment.
 */
async function insertAudit(db: Db, from: number, to: number) {
  const persons = ORGS * PERSONS_PER_ORG;
  await sql.raw(`
    insert into audit_events (at, request_id, actor_user_id, actor_org_id, actor_role, action, entity, person_id, enrolment_id, purpose, outcome)
    select timestamptz '2025-11-01 00:00:00+00' + g * (interval '365 days' / ${rows}), 'bench-' || g, u.id, u.organisation_id, 'case_worker',
      (array['read', 'list', 'search', 'update', 'read'])[1 + g % 5], 'enrolment',
      case when g % 50 = 0 then null else p.id end, p.enrolment_id, 'enrolment:read',
      case when g % 50 = 0 then 'denied' else 'allowed' end
    from generate_series(${from}::bigint, ${to}::bigint) g
    cross join lateral (select 1 + (g * 7919) % ${persons} as pn) pick
    cross join lateral (select (pick.pn - 1) / ${PERSONS_PER_ORG} as porg) po
    join bench_persons p on p.n = pick.pn
    join bench_users u on u.n = (case when g % 5 = 0 then (po.porg + 1 + g % ${ORGS - 1}) % ${ORGS} else po.porg end) * ${USERS_PER_ORG} + 1 + (g * 31) % ${USERS_PER_ORG}
  `).execute(db);
}

type Timings = { kind: DbKind; insertSeconds: number; verifySeconds: number; person: Sample; user: Sample; sample: Sample; userCsv: Sample; population: number; personRows: number; userRows: number };

async function benchKind(kind: DbKind): Promise<Timings> {
  const location: Location = locationOf(kind, 'log_review');
  await removeAt(location);
  if (location.kind === 'postgres') await createPg(location.name);
  else fs.mkdirSync(path.dirname(location.dir), { recursive: true });
  const handle = await openAt(location, 4);
  try {
    const db = handle.db;
    await migrateToLatest(db);
    await seedParties(db);
    log(kind, 'parties seeded; inserting', rows, 'audit rows');
    const started = performance.now();
    for (let g = 1; g <= rows; g += CHUNK) {
      await insertAudit(db, g, Math.min(rows, g + CHUNK - 1));
      log(kind, `${Math.min(rows, g + CHUNK - 1)} rows`, `${round((performance.now() - started) / 1000)} s`);
    }
    const insertSeconds = (performance.now() - started) / 1000;
    await sql`analyze`.execute(db);

    const org = await db.selectFrom('organisations').select('id').where('code', '=', 'ORG1').executeTakeFirstOrThrow();
    const reviewer = await db.insertInto('users').values({ organisation_id: org.id, email: 'logg@org1.bench', display_name: 'Logggranskare' }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('assignments').values({ user_id: reviewer.id, role: 'log_reviewer' }).execute();
    const actor = (await loadActor(db, reviewer.id))!;
    const ctx: RequestContext = {
      actor,
      scope: actorScope(actor),
      db,
      audit: { userId: reviewer.id, organisationId: org.id, role: 'log_reviewer', requestId: null, purpose: 'audit:review' },
    };
    const person = await sql<{ id: string }>`select id from bench_persons where n = 1`.execute(db);
    const user = await sql<{ id: string }>`select id from bench_users where n = 1`.execute(db);
    const personId = person.rows[0].id;
    const userId = user.rows[0].id;
    const year = { from: '2025-11-01', to: '2026-10-31' };

    let personRows = 0;
    let userRows = 0;
    let population = 0;
    const personTiming = await timeRuns(runs, async () => {
      personRows = (await listAccesses(ctx, 'person-accesses', { personId, page: 1, pageSize: 500 })).total;
    });
    const userTiming = await timeRuns(runs, async () => {
      userRows = (await listAccesses(ctx, 'user-accesses', { userId, page: 1, pageSize: 500 })).total;
    });
    const sampleTiming = await timeRuns(runs, async () => {
      population = (await sampleAccesses(ctx, { ...year, k: 100, seed: 'bench' })).population;
    });
    const csvTiming = await timeRuns(runs, () => exportAccesses(ctx, 'user-accesses', { userId, format: 'csv' }));
    log(kind, 'queries timed; verifying the chain');
    const verifyStart = performance.now();
    const verdict = await verifyAuditChain(db, { batchSize: 10_000 });
    if (!verdict.ok) throw new Error(`chain broken: ${JSON.stringify(verdict)}`);
    const verifySeconds = (performance.now() - verifyStart) / 1000;
    return { kind, insertSeconds, verifySeconds, person: personTiming, user: userTiming, sample: sampleTiming, userCsv: csvTiming, population, personRows, userRows };
  } finally {
    await handle.close();
    if (!args.has('keep')) await removeAt(location);
  }
}

const ms = (s: Sample) => `${Math.round(s.median)} ms (${Math.round(s.min)}–${Math.round(s.max)})`;

const results: Timings[] = [];
for (const kind of kinds) results.push(await benchKind(kind));
const lines = [
  `## Log review (loggkontroll), ${rows.toLocaleString('en')} audit rows`,
  '',
  `\`npx tsx bench/log-review.bench.ts\` — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, load average ${loadAverage().join(' / ')} at the end. ` +
    `Median of ${runs} runs after one warm-up (min–max), through the service layer as the API runs it, each including its own audit write. Requirement: < 10 s each.`,
  '',
  '| | ' + results.map((r) => r.kind).join(' | ') + ' |',
  '|---|' + results.map(() => '---|').join(''),
  '| (a) accesses to one person, page of 500 | ' + results.map((r) => `${ms(r.person)}, ${r.personRows} rows`).join(' | ') + ' |',
  '| (b) accesses by one user, page of 500 | ' + results.map((r) => `${ms(r.user)}, ${r.userRows} rows`).join(' | ') + ' |',
  '| (c) sample k = 100 over one year | ' + results.map((r) => `${ms(r.sample)}, population ${r.population}`).join(' | ') + ' |',
  '| (b) as CSV, every row | ' + results.map((r) => ms(r.userCsv)).join(' | ') + ' |',
  '| insert 1M rows through the chain trigger | ' + results.map((r) => `${round(r.insertSeconds)} s`).join(' | ') + ' |',
  '| `stegvis audit verify` over the whole chain | ' + results.map((r) => `${round(r.verifySeconds)} s`).join(' | ') + ' |',
  '',
];
console.log(lines.join('\n'));
