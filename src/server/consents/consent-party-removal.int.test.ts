import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { addParticipant } from '../../test/world.js';
import { swedishToday } from '../persons/today.js';

// Issue 9 item 9: removing a party from a consent records the date (in the audit event), and the
// party loses access on its next request.
const t = worldFixture();
const kommun = t.as('kommunWorker');
const af = t.as('afWorker');
let shared: { personId: string; enrolmentIds: string[] };

beforeAll(async () => {
  shared = await addParticipant(t.db, {
    controllerId: t.world.orgs.kommun,
    personnummer: '19900101-0017',
    firstName: 'Anna',
    lastName: 'Andersson',
    enrolments: [{ interventionId: t.world.interventions.kommunInsats, start: '2024-03-01' }],
    consent: { givenDate: '2024-03-01', partyIds: [t.world.orgs.af] },
  });
});

describe('removing a consent party', () => {
  it('records the date of the removal in its audit event', async () => {
    const id = shared.enrolmentIds[0];
    expect((await af.get(`/api/v1/enrolments/${id}`)).status).toBe(200);
    const removed = await kommun.request('DELETE', `/api/v1/enrolments/${id}/consent/parties/${t.world.orgs.af}`);
    expect(removed.status).toBe(200);
    const events = await t.db.selectFrom('audit_events').select(['details', 'outcome', 'actor_user_id'])
      .where('entity', '=', 'consent').where('enrolment_id', '=', id).execute();
    const removal = events.find((e) => (e.details as { change?: string } | null)?.change === 'remove_party');
    expect(removal?.details).toMatchObject({ organisationId: t.world.orgs.af, removedOn: swedishToday() });
    expect(removal?.actor_user_id).toBe(t.world.users.kommunWorker.id);
    expect((await af.get(`/api/v1/enrolments/${id}`)).status).toBe(404);
  });
});
