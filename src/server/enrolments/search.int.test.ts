import { beforeAll, describe, expect, it } from 'vitest';
import { canaryPersonnummer } from '../../test/canaries.js';
import { worldFixture } from '../../test/fixture.js';
import { addParticipant } from '../../test/world.js';
import type { Client } from '../../test/http.js';

// Search like people search (issue 9): any word order, case and diacritics ignored, a part of
// the personnummer; still a POST, still within the access rule, still audited.

const t = worldFixture();
const kommun = t.as('kommunWorker');
const af = t.as('afWorker');
const pnr = canaryPersonnummer(7);
let enrolmentId: string;

beforeAll(async () => {
  const person = await addParticipant(t.db, {
    controllerId: t.world.orgs.kommun,
    personnummer: pnr,
    participantRef: 'Ärende-Ö17',
    firstName: 'Åsa',
    lastName: 'Ångström',
    enrolments: [{ interventionId: t.world.interventions.kommunInsats, start: '2025-01-15' }],
    consent: { givenDate: '2025-01-15', partyIds: [] },
  });
  enrolmentId = person.enrolmentIds[0];
});

const hits = async (client: Client, q: string) => {
  const answer = await client.post('/api/v1/enrolments/search', { q });
  expect(answer.status).toBe(200);
  return answer.body.items.map((i: { id: string }) => i.id);
};

describe('searching for a participant', () => {
  it('ignores case and diacritics, and word order', async () => {
    for (const q of ['angstrom', 'ÅNGSTRÖM', 'asa angstrom', 'Ångström Åsa', 'ångst', 'arende-o17']) {
      expect(await hits(kommun, q), q).toEqual([enrolmentId]);
    }
  });

  it('finds by any part of the personnummer of four digits or more, with or without the dash', async () => {
    const digits = pnr.replace('-', '');
    for (const q of [pnr, digits, digits.slice(2), pnr.slice(-4), `${pnr.slice(-4)} asa`]) {
      expect(await hits(kommun, q), q).toEqual([enrolmentId]);
    }
  });

  it('needs every word to match', async () => {
    expect(await hits(kommun, 'asa andersson')).toEqual([]);
  });

  it('finds nothing out of scope, and audits the search with its number of hits only', async () => {
    expect(await hits(af, 'angstrom')).toEqual([]);
    const rows = await t.db
      .selectFrom('audit_events')
      .select(['action', 'details', 'person_id'])
      .where('actor_user_id', '=', t.world.users.afWorker.id)
      .where('action', '=', 'search')
      .execute();
    expect(rows).toEqual([{ action: 'search', details: { hits: 0 }, person_id: null }]);
    expect(JSON.stringify(rows)).not.toMatch(/angstrom/i);
  });
});
