import { describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { addParticipant } from '../../test/world.js';
import type { Client } from '../../test/http.js';

// An enrolment's `can` (access/enrolment-policy.ts) against what the routes then allow: the
// controller's case worker may change the consent, another party's case worker who sees the
// record through that consent may not — and the API answers both exactly as the flags say.

const t = worldFixture();
const kommun = t.as('kommunWorker');
const af = t.as('afWorker');

/** A participant of the municipality's intervention whose consent names AF. */
const participant = (firstName: string, enrolment: { exit?: string } = {}) =>
  addParticipant(t.db, {
    controllerId: t.world.orgs.kommun,
    firstName,
    lastName: 'Flagga',
    enrolments: [{ interventionId: t.world.interventions.kommunInsats, start: '2024-02-01', ...enrolment }],
    consent: { givenDate: '2024-02-01', partyIds: [t.world.orgs.af] },
  });

describe('an enrolment’s `can`', () => {
  it('lets the controller’s case worker change the consent, and not another party’s who sees it through the consent', async () => {
    const { enrolmentIds } = await participant('Kim');
    const id = enrolmentIds[0];
    const own = await kommun.get(`/api/v1/enrolments/${id}`);
    const other = await af.get(`/api/v1/enrolments/${id}`);
    expect(own.status).toBe(200);
    expect(other.status).toBe(200);
    expect(own.body.can).toEqual({ update: true, exit: true, correct: true, reopen: false, manageConsent: true, protect: true });
    expect(other.body.can).toEqual({ update: true, exit: true, correct: true, reopen: false, manageConsent: false, protect: true });

    // The routes agree: the other party is refused, the controller's staff is not.
    const addFk = (client: Client) => client.post(`/api/v1/enrolments/${id}/consent/parties`, { organisationId: t.world.orgs.fk });
    expect((await addFk(af)).status).toBe(403);
    expect((await af.request('DELETE', `/api/v1/enrolments/${id}/consent/parties/${t.world.orgs.af}`)).status).toBe(403);
    expect((await af.post(`/api/v1/enrolments/${id}/consent/withdraw`, { date: '2024-03-01' })).status).toBe(403);
    expect((await addFk(kommun)).status).toBe(200);
  });

  it('offers no exit for an exited enrolment, as the exit route refuses it', async () => {
    const { enrolmentIds } = await participant('Lo', { exit: '2024-06-30' });
    const id = enrolmentIds[0];
    const view = await kommun.get(`/api/v1/enrolments/${id}`);
    expect(view.body.can).toMatchObject({ exit: false, manageConsent: true });
    const exit = await kommun.post(`/api/v1/enrolments/${id}/exit`, { exitDate: '2024-07-01', exitReason: 'work', incomeAfter: ['salary'], occupationAfter: 'employed' });
    expect(exit.status).toBe(409);
  });

  it('lets a case worker who sees the record protect the person, as the protect route does', async () => {
    const { enrolmentIds } = await participant('Mio');
    const id = enrolmentIds[0];
    expect((await af.get(`/api/v1/enrolments/${id}`)).body.can.protect).toBe(true);
    expect((await af.post(`/api/v1/enrolments/${id}/protect`, { date: '2024-03-01' })).status).toBe(200);
  });
});
