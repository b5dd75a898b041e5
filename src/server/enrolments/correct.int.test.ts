import { describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { swedishToday } from '../persons/today.js';

// Issue 9, items 1 and 2: corrections and "Ångra avslut" kept as revisions, and data quality at
// the door (no future dates, no second open enrolment, birth year against personnummer,
// "Uppgift saknas" alone), with every message at its field in plain Swedish.

const t = worldFixture();
const kommun = t.as('kommunWorker');
const teamB = t.as('teamBWorker');
const af = t.as('afWorker');
const fk = t.as('fkWorker');

const today = swedishToday();
const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

let n = 0;
/** A Luhn-valid personnummer born 1990-01-01 (serials differ per call). */
function personnummer(): string {
  const base = `900101${String(100 + n++).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(base[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `19${base.slice(0, 6)}-${base.slice(6)}${(10 - (sum % 10)) % 10}`;
}

const enrolBody = (pnr: string, overrides: Record<string, unknown> = {}) => ({
  mode: 'consent',
  interventionId: t.world.interventions.kommunInsats,
  gender: 'woman',
  startDate: '2024-03-01',
  person: { personnummer: pnr, firstName: 'Rätta', lastName: 'Rättesson' },
  consent: { givenDate: '2024-03-01', method: 'written', partyIds: [] },
  incomeBefore: ['social_assistance'],
  ...overrides,
});

async function enrolled(overrides: Record<string, unknown> = {}, pnr = personnummer()) {
  const created = await kommun.post('/api/v1/enrolments', enrolBody(pnr, overrides));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}

const fieldErrors = (body: { errors: { path: string; message: string }[] }) =>
  Object.fromEntries(body.errors.map((e) => [e.path.replace(/^body\./, ''), e.message]));

const revisions = (enrolmentId: string) =>
  t.db.selectFrom('enrolment_revisions').selectAll().where('enrolment_id', '=', enrolmentId).orderBy('changed_at').execute();

const audit = (enrolmentId: string) =>
  t.db.selectFrom('audit_events').select(['action', 'outcome', 'details', 'actor_user_id']).where('enrolment_id', '=', enrolmentId).orderBy('id').execute();

describe('correcting and undoing an exit, with history', () => {
  it('corrects an exit date, keeps old → new with who, organisation and when, and audits it', async () => {
    const id = await enrolled();
    expect((await kommun.post(`/api/v1/enrolments/${id}/exit`, { exitDate: '2024-06-01', exitReason: 'work', incomeAfter: ['salary'] })).status).toBe(200);
    const corrected = await kommun.patch(`/api/v1/enrolments/${id}`, { exitDate: '2024-07-15' });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);

    const view = await kommun.get(`/api/v1/enrolments/${id}`);
    expect(view.body.exitDate).toBe('2024-07-15');
    expect(view.body.can).toMatchObject({ correct: true, reopen: true, exit: false });
    const [latest, exit] = view.body.history;
    expect(latest).toMatchObject({
      kind: 'correction',
      changedBy: expect.any(String),
      organisation: 'Org KOMMUN',
      changes: [{ field: 'exitDate', from: '2024-06-01', to: '2024-07-15', valuesShown: true }],
    });
    expect(Date.parse(latest.changedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(exit).toMatchObject({ kind: 'exit' });
    expect(exit.changes).toEqual(
      expect.arrayContaining([
        { field: 'exitDate', from: null, to: '2024-06-01', valuesShown: true },
        { field: 'exitReason', from: null, to: 'work', valuesShown: true },
        { field: 'incomeAfter', from: [], to: ['salary'], valuesShown: true },
      ]),
    );
    // Found by date later (frozen report periods): the earliest day the correction can alter.
    const stored = await revisions(id);
    expect(stored.map((r) => [r.kind, r.affects_from, r.changed_by_user_id])).toEqual([
      ['exit', '2024-06-01', t.world.users.kommunWorker.id],
      ['correction', '2024-06-01', t.world.users.kommunWorker.id],
    ]);
    const events = await audit(id);
    expect(events.filter((e) => e.action === 'update' && e.outcome === 'allowed')).toHaveLength(1);
    expect(events.filter((e) => e.action === 'exit')).toHaveLength(1);
  });

  it('reopens an exit ("Ångra avslut"): the exit is cleared, kept in the history, audited as an update', async () => {
    const id = await enrolled();
    await kommun.post(`/api/v1/enrolments/${id}/exit`, { exitDate: '2024-06-01', exitReason: 'studies', exitDetail: 'Komvux i Malmö' });
    const reopened = await kommun.post(`/api/v1/enrolments/${id}/reopen`, {});
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    const view = await kommun.get(`/api/v1/enrolments/${id}`);
    expect(view.body).toMatchObject({ exitDate: null, exitReason: null, exitDetail: null, can: { exit: true, reopen: false } });
    expect(view.body.history[0]).toMatchObject({ kind: 'reopen' });
    expect(view.body.history[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'exitDate', from: '2024-06-01', to: null, valuesShown: true },
        { field: 'exitReason', from: 'studies', to: null, valuesShown: true },
        // Free text: only that it changed, never its words.
        { field: 'exitDetail', from: null, to: null, valuesShown: false },
      ]),
    );
    const stored = await revisions(id);
    expect(JSON.stringify(stored)).not.toContain('Komvux');
    expect((await audit(id)).some((e) => e.action === 'update' && (e.details as { change?: string })?.change === 'reopen')).toBe(true);
    // Nothing to undo any more.
    expect((await kommun.post(`/api/v1/enrolments/${id}/reopen`, {})).status).toBe(409);
    // And it can be exited again.
    expect((await kommun.post(`/api/v1/enrolments/${id}/exit`, { exitDate: '2024-08-01', exitReason: 'work' })).status).toBe(200);
  });

  it('corrects intake data and the start date; age at start follows; names and notes are recorded without their values', async () => {
    const id = await enrolled({ startDate: '2024-03-01' });
    const patched = await kommun.patch(`/api/v1/enrolments/${id}`, {
      startDate: '2020-02-01',
      education: 'upper_secondary',
      notes: 'Hemlig anteckning',
      firstName: 'Ny',
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const view = await kommun.get(`/api/v1/enrolments/${id}`);
    expect(view.body).toMatchObject({ startDate: '2020-02-01', ageAtStart: 30, education: 'upper_secondary' });
    const changes = view.body.history[0].changes;
    expect(changes).toEqual(
      expect.arrayContaining([
        { field: 'startDate', from: '2024-03-01', to: '2020-02-01', valuesShown: true },
        { field: 'ageAtStart', from: 34, to: 30, valuesShown: true },
        { field: 'education', from: null, to: 'upper_secondary', valuesShown: true },
        { field: 'notes', from: null, to: null, valuesShown: false },
        { field: 'firstName', from: null, to: null, valuesShown: false },
      ]),
    );
    const stored = await revisions(id);
    expect(stored[0].affects_from).toBe('2020-02-01');
    expect(JSON.stringify(stored)).not.toMatch(/Hemlig|"Ny"/);
    // The same values again: no new revision.
    expect((await kommun.patch(`/api/v1/enrolments/${id}`, { education: 'upper_secondary' })).status).toBe(200);
    expect(await revisions(id)).toHaveLength(1);
  });

  it('refuses exit data on an open enrolment, a reopening of a withdrawn consent, and changes nothing', async () => {
    const id = await enrolled();
    const open = await kommun.patch(`/api/v1/enrolments/${id}`, { exitDate: '2024-05-01' });
    expect(open.status).toBe(400);
    expect(fieldErrors(open.body).exitDate).toBe('Inskrivningen är inte avslutad. Avsluta den först.');
    expect((await kommun.post(`/api/v1/enrolments/${id}/reopen`, {})).status).toBe(409);
    expect((await kommun.post(`/api/v1/enrolments/${id}/consent/withdraw`, { date: '2024-06-01' })).status).toBe(200);
    const view = await kommun.get(`/api/v1/enrolments/${id}`);
    expect(view.body).toMatchObject({ exitReason: 'consent_withdrawn', can: { reopen: false } });
    expect((await kommun.post(`/api/v1/enrolments/${id}/reopen`, {})).status).toBe(409);
    const change = await kommun.patch(`/api/v1/enrolments/${id}`, { exitReason: 'work' });
    expect(change.status).toBe(400);
    expect(fieldErrors(change.body).exitReason).toMatch(/återkall/);
    expect(await revisions(id)).toHaveLength(0);
  });

  it('a user who cannot see the enrolment cannot learn it exists, cannot correct or reopen it, and the attempt is audited', async () => {
    const id = await enrolled();
    await kommun.post(`/api/v1/enrolments/${id}/exit`, { exitDate: '2024-06-01', exitReason: 'work' });
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const target of [id, missing]) {
      const reopen = await fk.post(`/api/v1/enrolments/${target}/reopen`, {});
      const patch = await fk.patch(`/api/v1/enrolments/${target}`, { exitDate: '2024-06-02' });
      expect([reopen.status, patch.status]).toEqual([404, 404]);
      expect(reopen.body).toEqual((await fk.post(`/api/v1/enrolments/${missing}/reopen`, {})).body);
    }
    const row = await t.db.selectFrom('enrolments').select(['exit_date']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.exit_date).toBe('2024-06-01');
    expect((await revisions(id)).map((r) => r.kind)).toEqual(['exit']);
    const denied = (await audit(id)).filter((e) => e.outcome === 'denied');
    expect(denied.map((e) => e.actor_user_id)).toEqual([t.world.users.fkWorker.id, t.world.users.fkWorker.id]);
  });
});

describe('data quality at the door', () => {
  it('refuses a start or an exit after today, saying a planned start is something else', async () => {
    const pnr = personnummer();
    const start = await kommun.post('/api/v1/enrolments', enrolBody(pnr, { startDate: tomorrow }));
    expect(start.status).toBe(400);
    expect(fieldErrors(start.body).startDate).toMatch(/^Startdatum kan inte vara efter i dag\. En planerad start/);
    expect(await t.db.selectFrom('persons').select('id').where('personnummer', '=', pnr).execute()).toEqual([]);
    const anonymous = await kommun.post('/api/v1/enrolments', { mode: 'anonymous', interventionId: t.world.interventions.kommunInsats, gender: 'man', startDate: tomorrow });
    expect(anonymous.status).toBe(400);

    const id = await enrolled({}, pnr);
    const exit = await kommun.post(`/api/v1/enrolments/${id}/exit`, { exitDate: tomorrow, exitReason: 'work' });
    expect(exit.status).toBe(400);
    expect(fieldErrors(exit.body).exitDate).toBe('Avslutsdatum kan inte vara efter i dag. Registrera avslutet när det har skett.');
    expect((await kommun.post(`/api/v1/enrolments/${id}/exit`, { exitDate: today, exitReason: 'work' })).status).toBe(200);
    const later = await kommun.patch(`/api/v1/enrolments/${id}`, { exitDate: tomorrow });
    expect(fieldErrors(later.body).exitDate).toMatch(/efter i dag/);
    const early = await kommun.patch(`/api/v1/enrolments/${id}`, { exitDate: '2024-01-01' });
    expect(fieldErrors(early.body).exitDate).toBe('Avslutsdatum kan inte vara före startdatum');
    const startLate = await kommun.patch(`/api/v1/enrolments/${id}`, { startDate: tomorrow });
    expect(fieldErrors(startLate.body).startDate).toMatch(/^Startdatum kan inte vara efter i dag/);
    expect((await revisions(id)).map((r) => r.kind)).toEqual(['exit']);
  });

  it('refuses a second open enrolment the caller can see, naming its start date at the field', async () => {
    const pnr = personnummer();
    const first = await enrolled({ startDate: '2024-03-01' }, pnr);
    const second = await kommun.post('/api/v1/enrolments', enrolBody(pnr, { startDate: '2024-05-01', person: { personnummer: pnr, firstName: 'Annat', lastName: 'Namn' } }));
    expect(second.status).toBe(409);
    expect(second.body.errors).toEqual([{ path: 'startDate', message: 'Personen är redan inskriven sedan 2024-03-01' }]);
    const rows = await t.db.selectFrom('enrolments as e').innerJoin('persons as p', 'p.id', 'e.person_id').select(['e.id', 'p.first_name']).where('p.personnummer', '=', pnr).execute();
    expect(rows).toEqual([{ id: first, first_name: 'Rätta' }]);
    // After the exit a new enrolment is welcome.
    await kommun.post(`/api/v1/enrolments/${first}/exit`, { exitDate: '2024-04-01', exitReason: 'work' });
    expect((await kommun.post('/api/v1/enrolments', enrolBody(pnr, { startDate: '2024-05-01' }))).status).toBe(201);
  });

  it('a user who cannot see the open enrolment cannot learn it exists or change it, and the near-miss is audited', async () => {
    // Matched person (same controller), open enrolment outside the team the user works in.
    const pnr = personnummer();
    const hidden = await enrolled({ startDate: '2024-03-01' }, pnr);
    const stranger = await teamB.post('/api/v1/enrolments', enrolBody(personnummer(), { teamId: t.world.teams.teamB, startDate: '2024-05-01' }));
    const known = await teamB.post('/api/v1/enrolments', enrolBody(pnr, { teamId: t.world.teams.teamB, startDate: '2024-05-01' }));
    expect([stranger.status, known.status]).toEqual([201, 201]);
    expect(Object.keys(known.body).sort()).toEqual(Object.keys(stranger.body).sort());
    expect(JSON.stringify(known.body)).not.toContain(hidden);
    expect((await teamB.get(`/api/v1/enrolments/${hidden}`)).status).toBe(404);
    expect((await teamB.patch(`/api/v1/enrolments/${hidden}`, { startDate: '2024-02-01' })).status).toBe(404);
    const row = await t.db.selectFrom('enrolments').select(['start_date', 'exit_date']).where('id', '=', hidden).executeTakeFirstOrThrow();
    expect(row).toEqual({ start_date: '2024-03-01', exit_date: null });
    const denied = (await audit(hidden)).filter((e) => e.outcome === 'denied');
    expect(denied.map((e) => [e.action, e.actor_user_id, (e.details as { reason?: string } | null)?.reason ?? null])).toEqual([
      ['create', t.world.users.teamBWorker.id, 'open_enrolment_out_of_scope'],
      ['read', t.world.users.teamBWorker.id, null],
      ['update', t.world.users.teamBWorker.id, null],
    ]);

    // Not matched at all (another party the consent does not name): a new person, as for a stranger.
    const pnr2 = personnummer();
    await enrolled({ startDate: '2024-03-01' }, pnr2);
    const byAf = await af.post('/api/v1/enrolments', enrolBody(pnr2, { startDate: '2024-05-01' }));
    expect(byAf.status).toBe(201);
    expect(await t.db.selectFrom('persons').select('id').where('personnummer', '=', pnr2).execute()).toHaveLength(2);
  });

  it('a user who cannot see an enrolment from the same start day cannot learn it exists: a new person is registered, as for a stranger, and the near-miss is audited', async () => {
    const pnr = personnummer();
    const hidden = await enrolled({ startDate: '2024-03-01' }, pnr);
    await kommun.post(`/api/v1/enrolments/${hidden}/exit`, { exitDate: '2024-04-01', exitReason: 'work' });
    const stranger = await teamB.post('/api/v1/enrolments', enrolBody(personnummer(), { teamId: t.world.teams.teamB, startDate: '2024-03-01' }));
    const known = await teamB.post('/api/v1/enrolments', enrolBody(pnr, { teamId: t.world.teams.teamB, startDate: '2024-03-01' }));
    expect([stranger.status, known.status]).toEqual([201, 201]);
    expect(Object.keys(known.body).sort()).toEqual(Object.keys(stranger.body).sort());
    const persons = await t.db.selectFrom('persons').select('id').where('personnummer', '=', pnr).execute();
    expect(persons).toHaveLength(2);
    const hiddenRow = await t.db.selectFrom('enrolments').select(['person_id', 'start_date', 'exit_date']).where('id', '=', hidden).executeTakeFirstOrThrow();
    expect(hiddenRow).toMatchObject({ start_date: '2024-03-01', exit_date: '2024-04-01' });
    const created = await t.db.selectFrom('enrolments').select('person_id').where('id', '=', known.body.id).executeTakeFirstOrThrow();
    expect(created.person_id).not.toBe(hiddenRow.person_id);
    const denied = (await audit(hidden)).filter((e) => e.outcome === 'denied');
    expect(denied.map((e) => [e.action, e.actor_user_id, (e.details as { reason?: string } | null)?.reason ?? null])).toEqual([
      ['create', t.world.users.teamBWorker.id, 'same_day_enrolment_out_of_scope'],
    ]);
    // The controller's own staff, who see it, are told at the field.
    const again = await kommun.post('/api/v1/enrolments', enrolBody(pnr, { startDate: '2024-03-01' }));
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([{ path: 'startDate', message: 'Personen är redan inskriven i insatsen med samma startdatum' }]);
  });

  it('refuses a birth year that contradicts the personnummer instead of replacing it', async () => {
    const pnr = personnummer();
    const wrong = await kommun.post('/api/v1/enrolments', enrolBody(pnr, { birthYear: 1991 }));
    expect(wrong.status).toBe(400);
    expect(fieldErrors(wrong.body).birthYear).toBe('Födelseåret stämmer inte med personnumret. Rätta något av dem, eller lämna födelseåret tomt.');
    expect((await kommun.post('/api/v1/enrolments', enrolBody(pnr, { birthYear: 1990 }))).status).toBe(201);
  });

  it('refuses "Uppgift saknas" together with other income sources, before and after', async () => {
    const both = await kommun.post('/api/v1/enrolments', enrolBody(personnummer(), { incomeBefore: ['unknown', 'salary'] }));
    expect(both.status).toBe(400);
    expect(fieldErrors(both.body).incomeBefore).toBe('”Uppgift saknas” kan inte väljas tillsammans med andra försörjningskällor');
    const id = await enrolled({ incomeBefore: ['unknown'] });
    const exit = await kommun.post(`/api/v1/enrolments/${id}/exit`, { exitDate: '2024-06-01', exitReason: 'work', incomeAfter: ['salary', 'unknown'] });
    expect(fieldErrors(exit.body).incomeAfter).toMatch(/Uppgift saknas/);
    const patch = await kommun.patch(`/api/v1/enrolments/${id}`, { incomeBefore: ['unknown', 'other'] });
    expect(fieldErrors(patch.body).incomeBefore).toMatch(/Uppgift saknas/);
  });

  it('answers zod’s own checks in plain Swedish', async () => {
    const id = await enrolled();
    const extent = await kommun.patch(`/api/v1/enrolments/${id}`, { occupationBeforeExtent: 50.5, targetGroups: 'young_adult' });
    expect(fieldErrors(extent.body)).toEqual({ occupationBeforeExtent: 'Ange ett heltal', targetGroups: 'Välj ett eller flera alternativ' });
    const missing = await kommun.post('/api/v1/enrolments', { mode: 'consent', interventionId: t.world.interventions.kommunInsats, gender: 'woman', person: { participantRef: 'X-1' }, consent: { givenDate: '2024-03-01', method: 'written' } });
    expect(fieldErrors(missing.body).startDate).toBe('Fyll i fältet');
  });
});
