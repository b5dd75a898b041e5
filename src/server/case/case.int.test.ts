import { describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { addParticipant } from '../../test/world.js';
import { addUser } from '../../test/access-log.js';
import { login } from '../../test/http.js';

// The shared case through the API (issue 10, items 1–4): the plan built by two parties, its
// history, the participant's copy, meetings, and the consent's categories deciding who sees what.

const t = worldFixture();
const kommun = t.as('kommunWorker');
const af = t.as('afWorker');
const fk = t.as('fkWorker');
const teamB = t.as('teamBWorker');

/** A municipality participant whose consent names AF (plan and meetings) and FK (meetings only). */
async function participant(firstName: string) {
  const { enrolmentIds, personId, consentId } = await addParticipant(t.db, {
    controllerId: t.world.orgs.kommun,
    firstName,
    lastName: 'Fallsson',
    enrolments: [{ interventionId: t.world.interventions.kommunInsats, start: '2026-01-10' }],
    consent: { givenDate: '2026-01-10', partyIds: [t.world.orgs.af, t.world.orgs.fk] },
  });
  await t.db.updateTable('consent_parties').set({ categories: ['meetings'] }).where('consent_id', '=', consentId!).where('organisation_id', '=', t.world.orgs.fk).execute();
  return { id: enrolmentIds[0], personId };
}

const audits = (enrolmentId: string, outcome: 'allowed' | 'denied') =>
  t.db.selectFrom('audit_events').select(['action', 'entity', 'actor_org_id']).where('enrolment_id', '=', enrolmentId).where('outcome', '=', outcome).execute();

const meeting = { type: 'three_party', heldAt: '2026-02-03T10:00', notes: 'Kim vill börja praktisera på lager.', nextMeetingAt: '2099-03-03T10:00' };

describe('the action plan', () => {
  it('is built by two parties, each save a revision controlled by its author, with a readable history', async () => {
    const { id } = await participant('Kim');
    const first = await kommun.request('PUT', `/api/v1/enrolments/${id}/plan`, {
      mainGoal: 'Arbete inom lager',
      ownWords: 'Jag vill ha ett jobb där jag rör på mig.',
      nextFollowUp: '2026-03-01',
      subGoals: [{ text: 'Komma i tid tre dagar i veckan', status: 'ongoing' }],
    });
    expect(first.status).toBe(200);
    const goalId = first.body.subGoals[0].id;
    const second = await af.request('PUT', `/api/v1/enrolments/${id}/plan`, {
      mainGoal: 'Arbete inom lager',
      ownWords: 'Jag vill ha ett jobb där jag rör på mig.',
      nextFollowUp: '2026-04-01',
      subGoals: [{ id: goalId, text: 'Komma i tid tre dagar i veckan', status: 'reached' }, { text: 'Truckkort', responsibleOrgId: t.world.orgs.af, targetDate: '2026-05-01' }],
    });
    expect(second.status).toBe(200);
    const plan = (await kommun.get(`/api/v1/enrolments/${id}/plan`)).body;
    expect(plan.history.map((r: { by: { organisation: { id: string } } }) => r.by.organisation.id)).toEqual([t.world.orgs.af, t.world.orgs.kommun]);
    expect(plan.history[0].changes).toEqual([
      { field: 'nextFollowUp', to: '2026-04-01' },
      { field: 'subGoalStatus', subGoalId: goalId, to: 'reached' },
      { field: 'subGoalAdded', subGoalId: expect.any(String), to: 'not_started' },
    ]);
    expect(plan.current.nextFollowUp).toBe('2026-04-01');
    expect(plan.subGoals.map((g: { organisation: { id: string }; status: string }) => [g.organisation.id, g.status])).toEqual([
      [t.world.orgs.kommun, 'reached'],
      [t.world.orgs.af, 'not_started'],
    ]);
    const rows = await t.db.selectFrom('plan_revisions').select('controller_org_id').where('enrolment_id', '=', id).orderBy('revised_at').execute();
    expect(rows.map((r) => r.controller_org_id)).toEqual([t.world.orgs.kommun, t.world.orgs.af]);
    // Saving what is already there adds no revision.
    const again = await af.request('PUT', `/api/v1/enrolments/${id}/plan`, { mainGoal: 'Arbete inom lager', ownWords: 'Jag vill ha ett jobb där jag rör på mig.', nextFollowUp: '2026-04-01' });
    expect(again.body.history).toHaveLength(2);
  });

  it('is hidden from a party the consent does not name for `plan`, who cannot learn it exists, change it or add to it, and is audited', async () => {
    const { id } = await participant('Noa');
    const saved = await kommun.request('PUT', `/api/v1/enrolments/${id}/plan`, { mainGoal: 'Studier', subGoals: [{ text: 'Söka till Komvux' }] });
    const goalId = saved.body.subGoals[0].id;
    const seenByFk = await fk.get(`/api/v1/enrolments/${id}/plan`);
    expect(seenByFk.status).toBe(200);
    expect(seenByFk.body).toMatchObject({ exists: false, current: null, subGoals: [], history: [], can: { save: false, print: false } });
    const before = (await audits(id, 'denied')).length;
    const write = await fk.request('PUT', `/api/v1/enrolments/${id}/plan`, { mainGoal: 'Något annat', subGoals: [{ id: goalId, text: 'Ändrat', status: 'dropped' }] });
    expect(write.status).toBe(404);
    expect(await fk.get(`/api/v1/enrolments/${id}/plan/copy`).then((r) => r.status)).toBe(409);
    expect((await audits(id, 'denied')).length).toBe(before + 1);
    const goal = await t.db.selectFrom('plan_sub_goals').select(['text', 'status']).where('id', '=', goalId).executeTakeFirstOrThrow();
    expect(goal).toEqual({ text: 'Söka till Komvux', status: 'not_started' });
    expect((await t.db.selectFrom('plan_revisions').select('id').where('enrolment_id', '=', id).execute()).length).toBe(1);
  });

  it('answers as not found to a user outside the enrolment, and audits each attempt as denied', async () => {
    const { id } = await participant('Ali');
    await kommun.request('PUT', `/api/v1/enrolments/${id}/plan`, { mainGoal: 'Arbete' });
    const missing = await kommun.get('/api/v1/enrolments/00000000-0000-4000-8000-000000000000/plan');
    for (const reply of [
      await teamB.get(`/api/v1/enrolments/${id}/plan`),
      await teamB.request('PUT', `/api/v1/enrolments/${id}/plan`, { mainGoal: 'Kapat' }),
      await teamB.get(`/api/v1/enrolments/${id}/plan/copy.pdf`),
      await teamB.get(`/api/v1/enrolments/${id}/meetings`),
      await teamB.post(`/api/v1/enrolments/${id}/meetings`, meeting),
    ]) {
      expect({ status: reply.status, body: reply.body }).toEqual({ status: missing.status, body: missing.body });
    }
    expect((await audits(id, 'denied')).length).toBe(5);
  });

  it('refuses a sub-goal the author cannot see and changes nothing, even with other changes in the same save', async () => {
    const { id } = await participant('Eli');
    const other = await participant('Fia');
    const theirs = await kommun.request('PUT', `/api/v1/enrolments/${other.id}/plan`, { mainGoal: 'Annat', subGoals: [{ text: 'Annat delmål' }] });
    const foreignGoal = theirs.body.subGoals[0].id;
    const reply = await af.request('PUT', `/api/v1/enrolments/${id}/plan`, { mainGoal: 'Arbete', subGoals: [{ text: 'Nytt' }, { id: foreignGoal, text: 'Kapat', status: 'dropped' }] });
    expect(reply.status).toBe(404);
    expect(await t.db.selectFrom('action_plans').select('id').where('enrolment_id', '=', id).execute()).toEqual([]);
    expect(await t.db.selectFrom('plan_sub_goals').select(['text', 'status']).where('id', '=', foreignGoal).executeTakeFirstOrThrow()).toEqual({ text: 'Annat delmål', status: 'not_started' });
  });

  it('gives the participant a copy with only what the member of staff may see, audited as an export', async () => {
    const { id } = await participant('Mio');
    await kommun.request('PUT', `/api/v1/enrolments/${id}/plan`, { mainGoal: 'Arbete', subGoals: [{ text: 'Simma' }, { text: 'Träffa läkare om ryggen', health: true }] });
    await kommun.post(`/api/v1/enrolments/${id}/meetings`, meeting);
    const own = await kommun.get(`/api/v1/enrolments/${id}/plan/copy`);
    expect(own.body.subGoals.map((g: { text: string }) => g.text)).toEqual(['Simma', 'Träffa läkare om ryggen']);
    expect(own.body.nextMeeting).toBe('2099-03-03T10:00');
    const afCopy = await af.get(`/api/v1/enrolments/${id}/plan/copy`);
    expect(afCopy.body.subGoals.map((g: { text: string }) => g.text)).toEqual(['Simma']); // no `health` for AF
    const pdf = await af.get(`/api/v1/enrolments/${id}/plan/copy.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const exports = await t.db.selectFrom('audit_events').select('details').where('enrolment_id', '=', id).where('action', '=', 'export').where('entity', '=', 'plan').execute();
    expect(exports.map((e) => (e.details as { format: string }).format).sort()).toEqual(['html', 'html', 'pdf']);
  });
});

describe('subject access', () => {
  it('lists the controller’s own case records in full and only counts another party’s', async () => {
    const { id, personId } = await participant('Ida');
    await kommun.request('PUT', `/api/v1/enrolments/${id}/plan`, { mainGoal: 'Kommunens mål', subGoals: [{ text: 'Kommunens delmål' }] });
    await af.post(`/api/v1/enrolments/${id}/meetings`, { ...meeting, notes: 'Arbetsförmedlingens anteckning' });
    const answer = await t.as('orgAdmin').get(`/api/v1/persons/${personId}/subject-access`);
    expect(answer.status).toBe(200);
    expect(answer.body.caseRecords.flatMap((r: { texts: string[] }) => r.texts).sort()).toEqual(['Kommunens delmål', 'Kommunens mål']);
    expect(answer.body.caseRecordsOfOtherParties).toEqual([{ code: 'AF', name: 'Org AF', records: 1 }]);
    expect(JSON.stringify(answer.body)).not.toContain('Arbetsförmedlingens anteckning');
  });
});

describe('log review', () => {
  it('lets Arbetsförmedlingen review the municipality’s reads of the records it wrote, without the person’s name', async () => {
    const { id } = await participant('Ebba');
    await af.request('PUT', `/api/v1/enrolments/${id}/plan`, { mainGoal: 'Arbetsförmedlingens mål' });
    await kommun.get(`/api/v1/enrolments/${id}/plan`);
    const reviewer = await addUser(t.db, 'logg@af.test', t.world.orgs.af, 'log_reviewer');
    const client = await login(t.app, reviewer.email);
    const today = new Date().toISOString().slice(0, 10);
    const sample = await client.post('/api/v1/audit/sample', { from: today, to: today, k: 1000 });
    expect(sample.status).toBe(200);
    const reads = sample.body.items.filter((i: { entity: string; action: string; enrolmentId: string }) => i.entity === 'plan' && i.action === 'read' && i.enrolmentId === id);
    expect(reads.map((i: { organisation: { code: string } }) => i.organisation.code)).toContain('KOMMUN');
    expect(JSON.stringify(sample.body)).not.toContain('Fallsson');
  });
});

describe('meetings', () => {
  it('show the municipality’s notes to AF until the consent stops sharing `meetings` with AF, on the very next request', async () => {
    const { id } = await participant('Sam');
    const created = await kommun.post(`/api/v1/enrolments/${id}/meetings`, { ...meeting, staffUserIds: [t.world.users.afWorker.id], otherRoles: ['employer'], actions: [{ text: 'Boka studiebesök' }] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 'three_party', heldAt: '2026-02-03T10:00', otherRoles: ['employer'], actions: [{ text: 'Boka studiebesök', subGoalId: null }] });
    expect(created.body.staff.map((s: { id: string }) => s.id).sort()).toEqual([t.world.users.kommunWorker.id, t.world.users.afWorker.id].sort());
    expect((await af.get(`/api/v1/enrolments/${id}/meetings`)).body.items.map((m: { notes: string }) => m.notes)).toEqual([meeting.notes]);
    const change = await kommun.request('PUT', `/api/v1/enrolments/${id}/consent/parties/${t.world.orgs.af}/categories`, { categories: ['plan'] });
    expect(change.status).toBe(200);
    expect(change.body.parties.find((p: { id: string }) => p.id === t.world.orgs.af).categories).toEqual(['plan']);
    const after = await af.get(`/api/v1/enrolments/${id}/meetings`);
    expect(after.body).toMatchObject({ items: [], can: { create: false } });
    expect((await af.post(`/api/v1/enrolments/${id}/meetings`, meeting)).status).toBe(404);
  });

  it('let only the controller’s staff change the categories, audited', async () => {
    const { id } = await participant('Bo');
    const reply = await af.request('PUT', `/api/v1/enrolments/${id}/consent/parties/${t.world.orgs.af}/categories`, { categories: ['plan', 'meetings', 'health'] });
    expect(reply.status).toBe(403);
    const denied = await audits(id, 'denied');
    expect(denied).toContainEqual({ action: 'update', entity: 'consent', actor_org_id: t.world.orgs.af });
  });

  it('refuse bad input in Swedish and store nothing', async () => {
    const { id } = await participant('Vi');
    const reply = await kommun.post(`/api/v1/enrolments/${id}/meetings`, { ...meeting, type: 'fika', nextMeetingAt: '2026-01-01T09:00' });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toContainEqual({ path: 'body.type', message: 'Välj typ av möte' });
    const order = await kommun.post(`/api/v1/enrolments/${id}/meetings`, { ...meeting, nextMeetingAt: '2026-01-01T09:00' });
    expect(order.body.errors).toEqual([{ path: 'nextMeetingAt', message: 'Nästa möte måste vara efter det här mötet' }]);
    expect(await t.db.selectFrom('meetings').select('id').where('enrolment_id', '=', id).execute()).toEqual([]);
  });

  it('count a SIP meeting by its type', async () => {
    const { id } = await participant('Lo');
    await kommun.post(`/api/v1/enrolments/${id}/meetings`, { ...meeting, type: 'sip' });
    const row = await t.db.selectFrom('meetings').select('type').where('enrolment_id', '=', id).executeTakeFirstOrThrow();
    expect(row.type).toBe('sip');
  });
});
