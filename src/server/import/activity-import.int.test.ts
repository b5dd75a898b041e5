import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { seedForeign, type Foreign } from '../../test/foreign.js';
import { testPassword } from '../../test/world.js';
import { systemScope } from '../access/data-scope.js';
import { systemAuditActor } from '../audit/audit.js';
import { runImport } from './import.service.js';

// stegvis import activities (issue 10, item 10): the enrolment found as an enrolment row is
// matched, only within the importer's scope; all or nothing; importing again changes nothing.
const t = worldFixture();
const header = 'intervention,participant_ref,personnummer,enrolment_start,activity_type,employment_type,extension,workplace,workplace_org_number,start_date,end_date,hours_per_week';
const file = (...rows: string[]) => `${header}\n${rows.join('\n')}\n`;
const cli = { dryRun: false, scope: systemScope('cli_import'), audit: systemAuditActor('cli') };
let foreign: Foreign;

const activityRows = () => t.db.selectFrom('activities').select(['enrolment_id', 'activity_type', 'employment_type', 'extension', 'workplace_id', 'start_date', 'end_date', 'hours_per_week', 'status', 'controller_org_id']).where('controller_org_id', '<>', t.world.orgs.other).orderBy('start_date').orderBy('activity_type').execute();
const workplaceRows = () => t.db.selectFrom('workplaces').select(['name', 'org_number', 'association_id']).where('association_id', '=', t.world.orgs.forbund).orderBy('name').execute();

beforeAll(async () => {
  const kommun = t.as('kommunWorker');
  for (const ref of ['IMP-1', 'IMP-2']) {
    const created = await kommun.post('/api/v1/enrolments', {
      mode: 'consent',
      interventionId: t.world.interventions.kommunInsats,
      gender: 'man',
      startDate: '2022-01-10',
      person: { participantRef: ref },
      consent: { givenDate: '2022-01-10', method: 'written', partyIds: [] },
    });
    expect(created.status).toBe(201);
  }
  foreign = await seedForeign(t.app, t.world);
});

const good = file(
  'KOMMUNINSATS,IMP-1,,2022-01-10,Arbetsträning,,nej,Stadsparken,212000-0001,2022-02-01,2022-05-31,20',
  'KOMMUNINSATS,IMP-1,,2022-01-10,employment,wage_subsidy_development,nej,Stadsparken,212000-0001,2022-06-01,2023-05-31,40',
  'kommuninsats,IMP-1,,2022-01-10,employment,wage_subsidy_development,ja,stadsparken,,2023-06-01,,"37,5"',
  'KOMMUNINSATS,IMP-2,,2022-01-10,studies,,,,,2022-03-01,2022-06-15,',
);

describe('stegvis import activities', () => {
  it('refuses a file with errors as a whole, listing every error, and writes nothing', async () => {
    const result = await runImport(t.db, 'activities', file(
      'KOMMUNINSATS,IMP-1,,2022-01-10,employment,,nej,,,2022-02-01,,20',
      'KOMMUNINSATS,IMP-1,,2022-01-10,internship,new_start_job,nej,,,2022-02-01,2022-01-01,99',
      'OKÄND,IMP-1,,2022-01-10,internship,,,,,2022-02-01,,',
      'KOMMUNINSATS,IMP-9,,2022-01-10,internship,,,,,2022-02-01,,',
    ), cli);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'employment_type'],
      [3, 'hours_per_week'],
      [3, 'employment_type'],
      [3, 'end_date'],
      [4, 'intervention'],
      [5, 'enrolment_start'],
    ]);
    expect(await activityRows()).toEqual([]);
    expect(await workplaceRows()).toEqual([]);
  });

  it('imports activities and employments, finds or adds workplaces of the förbund, and audits every row', async () => {
    const result = await runImport(t.db, 'activities', good, cli);
    expect(result).toMatchObject({ ok: true, created: 4, updated: 0, unchanged: 0 });
    const rows = await activityRows();
    expect(rows.map((r) => [r.activity_type, r.employment_type, r.extension, r.hours_per_week, r.status])).toEqual([
      ['work_training', null, false, 20, 'completed'],
      ['studies', null, false, null, 'completed'],
      ['employment', 'wage_subsidy_development', false, 40, 'completed'],
      ['employment', 'wage_subsidy_development', true, 37.5, 'ongoing'],
    ]);
    // The enrolment's controller controls what the operator imports.
    expect(new Set(rows.map((r) => r.controller_org_id))).toEqual(new Set([t.world.orgs.kommun]));
    expect(await workplaceRows()).toEqual([{ name: 'Stadsparken', org_number: '212000-0001', association_id: t.world.orgs.forbund }]);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'enrolment_id']).where('entity', '=', 'activity').where('actor_role', '=', 'system').execute();
    expect(audit).toHaveLength(4);
  });

  it('changes nothing when the same file, or the same rows in another file, come again', async () => {
    const before = await activityRows();
    expect(await runImport(t.db, 'activities', good, cli)).toMatchObject({ ok: true, alreadyImported: true });
    expect(await runImport(t.db, 'activities', `${good}\n`, cli)).toMatchObject({ ok: true, alreadyImported: false, created: 0, updated: 0, unchanged: 4 });
    expect(await activityRows()).toEqual(before);
  });
});

describe('an activities import by a user', () => {
  it('cannot find, reveal or add to an enrolment the user cannot see, and the attempt is audited', async () => {
    const row = (ref: string, intervention = 'KOMMUNINSATS') => file(`${intervention},${ref},,2022-01-10,internship,,,,,2022-03-01,,`);
    const before = await activityRows();
    // Team B's case worker works in the intervention but cannot see IMP-1 (no team): answered as IMP-9, which does not exist.
    const hidden = await importAs('teamBWorker', row('IMP-1'));
    const missing = await importAs('teamBWorker', row('IMP-9'));
    expect(hidden.status).toBe(400);
    expect(hidden.body.errors).toEqual(missing.body.errors);
    expect(hidden.body.errors).toEqual([expect.objectContaining({ column: 'enrolment_start' })]);
    const imp1 = await t.db.selectFrom('enrolments as e').innerJoin('persons as p', 'p.id', 'e.person_id').select('e.id').where('p.participant_ref', '=', 'IMP-1').executeTakeFirstOrThrow();
    const denied = await t.db.selectFrom('audit_events').select(['actor_user_id', 'enrolment_id']).where('entity', '=', 'activity').where('outcome', '=', 'denied').execute();
    expect(denied).toEqual([{ actor_user_id: t.world.users.teamBWorker.id, enrolment_id: imp1.id }]);
    // Another organisation's intervention is refused at the intervention, as an unknown code is.
    const inForeign = await importAs('kommunWorker', row('X', foreign.interventionCode));
    expect(inForeign.body.errors).toEqual((await importAs('kommunWorker', row('X', 'FINNS-INTE'))).body.errors);
    expect(await activityRows()).toEqual(before);
  });
});

async function importAs(user: 'kommunWorker' | 'teamBWorker', csv: string) {
  const session = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: t.world.users[user].email, password: testPassword } });
  const cookie = session.cookies.find((c) => c.name === 'stegvis_session')!;
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/imports/activities',
    payload: csv,
    headers: { 'content-type': 'text/csv', cookie: `stegvis_session=${cookie.value}`, 'x-csrf-token': session.json().csrfToken },
  });
  return { status: response.statusCode, body: response.json() };
}
