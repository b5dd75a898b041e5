import { describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { testPassword } from '../../test/world.js';

const enrolmentHeader =
  'intervention,team,participant_ref,personnummer,first_name,last_name,gender,birth_year,anonymous,consent,protected_identity,start_date,referrer,income_before,occupation_before,education,exit_date,exit_reason,income_after,occupation_after';
const enrolments = (...rows: string[]) => `${enrolmentHeader}\n${rows.join('\n')}\n`;
const row = (intervention: string, ref: string, team = '') => `${intervention},${team},${ref},,,,woman,1990,nej,ja,nej,2024-02-01,AF,salary,,,,,,`;

const t = worldFixture();

type Session = { cookie: string; csrf: string } | null;

async function login(email: string): Promise<Session> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: testPassword } });
  const cookie = response.cookies.find((c) => c.name === 'stegvis_session')!;
  return { cookie: `stegvis_session=${cookie.value}`, csrf: response.json().csrfToken };
}

async function post(session: Session, url: string, body: string, contentType = 'text/csv') {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (session) Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrf });
  const response = await t.app.inject({ method: 'POST', url, headers, payload: body });
  return { status: response.statusCode, body: response.json() };
}

const enrolmentCount = async () =>
  Number((await t.db.selectFrom('enrolments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('POST /api/v1/imports/…', () => {
  it('is documented in the OpenAPI description', () => {
    const doc = t.app.swagger() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/imports/organisations', '/api/v1/imports/interventions', '/api/v1/imports/enrolments']));
  });

  it('needs a session', async () => {
    const response = await post(null, '/api/v1/imports/enrolments', enrolments(row('KOMMUNINSATS', 'R-1')));
    expect(response.status).toBe(401);
  });

  it('refuses a role without the permission', async () => {
    const reader = await login(t.world.users.reportReader.email);
    expect((await post(reader, '/api/v1/imports/enrolments', enrolments(row('KOMMUNINSATS', 'R-1')))).status).toBe(403);
    const lead = await login(t.world.users.lead.email);
    expect((await post(lead, '/api/v1/imports/organisations', 'code,name,kind,org_number,association\n')).status).toBe(403);
  });

  it('lists rows in interventions where the case worker has no assignment', async () => {
    const worker = await login(t.world.users.kommunWorker.email);
    const response = await post(worker, '/api/v1/imports/enrolments', enrolments(row('KOMMUNINSATS', 'R-1'), row('AF-INSATS', 'R-2')));
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ row: 3, column: 'intervention', reason: expect.stringContaining('Du har inget uppdrag i insatsen') }]);
    expect(await enrolmentCount()).toBe(0);
  });

  it('a dry run answers with the summary and stores nothing; the real run stores the rows', async () => {
    const worker = await login(t.world.users.kommunWorker.email);
    const file = enrolments(row('KOMMUNINSATS', 'R-1'), row('KOMMUNINSATS', 'R-2', 'Team A'));
    const dry = await post(worker, '/api/v1/imports/enrolments?dryRun=true', file);
    expect(dry).toEqual({ status: 200, body: { ok: true, dryRun: true, alreadyImported: false, created: 2, updated: 0, unchanged: 0, anonymous: 0, rows: 2 } });
    expect(await enrolmentCount()).toBe(0);
    const real = await post(worker, '/api/v1/imports/enrolments', file, 'text/plain; charset=utf-8');
    expect(real.body).toMatchObject({ created: 2, dryRun: false });
    expect(await enrolmentCount()).toBe(2);
    const audit = await t.db.selectFrom('audit_events').select(['actor_user_id', 'actor_role']).where('entity', '=', 'enrolment').where('outcome', '=', 'allowed').execute();
    expect(audit).toEqual([
      { actor_user_id: t.world.users.kommunWorker.id, actor_role: 'case_worker' },
      { actor_user_id: t.world.users.kommunWorker.id, actor_role: 'case_worker' },
    ]);
  });

  it('does not let another party overwrite participants it may not see', async () => {
    // The FK worker is case worker in KOMMUNINSATS, but no consent names FK.
    const fk = await login(t.world.users.fkWorker.email);
    // R-1 is out of FK's sight, so the row registers a new person and the original stays as it was
    // (security review, finding 4: refusing the row would tell FK that R-1 exists).
    const original = await t.db.selectFrom('enrolments as e').innerJoin('persons as p', 'p.id', 'e.person_id').select(['e.id', 'e.person_id', 'e.occupation_before']).where('p.participant_ref', '=', 'R-1').executeTakeFirstOrThrow();
    const response = await post(fk, '/api/v1/imports/enrolments', enrolments(row('KOMMUNINSATS', 'R-1').replace('salary', 'unknown')));
    expect(response.body).toMatchObject({ ok: true, created: 1, updated: 0 });
    const after = await t.db.selectFrom('enrolments').select(['person_id', 'occupation_before']).where('id', '=', original.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ person_id: original.person_id, occupation_before: original.occupation_before });
    const denied = await t.db.selectFrom('audit_events').select(['entity', 'actor_user_id']).where('person_id', '=', original.person_id).where('outcome', '=', 'denied').execute();
    expect(denied).toEqual([{ entity: 'person', actor_user_id: t.world.users.fkWorker.id }]);
  });

  it('a case worker who cannot see an enrolment from the same start day cannot learn it exists or change it: the row registers a new person, audited', async () => {
    const kommun = await login(t.world.users.kommunWorker.email);
    const teamB = await login(t.world.users.teamBWorker.email);
    expect((await post(kommun, '/api/v1/imports/enrolments', enrolments(row('KOMMUNINSATS', 'SAME-DAY-1', 'Team A')))).body).toMatchObject({ ok: true, created: 1 });
    const original = await t.db.selectFrom('enrolments as e').innerJoin('persons as p', 'p.id', 'e.person_id').select(['e.id', 'e.person_id', 'e.team_id']).where('p.participant_ref', '=', 'SAME-DAY-1').executeTakeFirstOrThrow();
    const stranger = await post(teamB, '/api/v1/imports/enrolments', enrolments(row('KOMMUNINSATS', 'SAME-DAY-STRANGER', 'Team B')));
    const known = await post(teamB, '/api/v1/imports/enrolments', enrolments(row('KOMMUNINSATS', 'SAME-DAY-1', 'Team B'), row('KOMMUNINSATS', 'SAME-DAY-1', 'Team B').replace('2024-02-01', '2024-06-01')));
    expect(stranger.body).toMatchObject({ ok: true, created: 1, updated: 0 });
    expect(known.body).toMatchObject({ ok: true, created: 2, updated: 0 });
    const after = await t.db.selectFrom('enrolments').select(['person_id', 'team_id']).where('id', '=', original.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ person_id: original.person_id, team_id: t.world.teams.teamA });
    // The colliding row went to a new person standing in for the one out of sight; the other row,
    // colliding with nothing, is matched as any row is.
    const persons = await t.db.selectFrom('persons as p').innerJoin('enrolments as e', 'e.person_id', 'p.id').select(['p.id', 'e.team_id', 'e.start_date']).where('p.participant_ref', '=', 'SAME-DAY-1').execute();
    expect(new Set(persons.map((p) => p.id)).size).toBe(2);
    expect(persons.filter((p) => p.id !== original.person_id).map((p) => [p.team_id, p.start_date])).toEqual([[t.world.teams.teamB, '2024-02-01']]);
    const denied = await t.db.selectFrom('audit_events').select(['action', 'actor_user_id', 'details']).where('enrolment_id', '=', original.id).where('outcome', '=', 'denied').execute();
    expect(denied).toEqual([{ action: 'create', actor_user_id: t.world.users.teamBWorker.id, details: { reason: 'same_day_enrolment_out_of_scope' } }]);
  });

  it('lets an organisation administrator import only interventions of the own organisation', async () => {
    const admin = await login(t.world.users.orgAdmin.email);
    const header = 'code,name,owner,association,start_date,end_date,orientation,follow_up,places,volume_target';
    const own = await post(admin, '/api/v1/imports/interventions', `${header}\nNY-INSATS,Ny,KOMMUN,FORBUND,2024-01-01,,individual,individual,10,20\n`);
    expect(own.body).toMatchObject({ ok: true, created: 1 });
    const other = await post(admin, '/api/v1/imports/interventions', `${header}\nAF-NY,Ny,AF,FORBUND,2024-01-01,,individual,individual,10,20\n`);
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual([expect.objectContaining({ row: 2, column: 'owner' })]);
  });

  it('lets a system administrator import organisations, and refuses a body that is no CSV', async () => {
    const admin = await login(t.world.users.systemAdmin.email);
    const ok = await post(admin, '/api/v1/imports/organisations', 'code,name,kind,org_number,association\nNYTT,Nytt bolag,provider,,FORBUND\n');
    expect(ok.body).toMatchObject({ ok: true, created: 1 });
    const json = await post(admin, '/api/v1/imports/organisations', '{"a":1}', 'application/json');
    expect(json.status).toBe(400);
  });
});
