import { describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { tryLogin } from '../../test/security.js';
import { BASE, csv } from '../../test/import-rows.js';
import { ENROLMENT_COLUMNS } from '../../core/import/rows.js';

// Finding 9 (a, d): an answer never repeats input that could be personal data — a personnummer
// typed into a code field, a file's unknown code or owner — and a team cannot be named with one,
// neither through the API nor through the enrolment import (team names reach aggregate roles).
const t = worldFixture();

const PNR = '19121212-1212';
const PNR_BARE = '191212121212';
const leaks = (body: unknown) => /1912\s*1212|121212-?1212/.test(JSON.stringify(body));

type Caller = { request: (method: 'POST' | 'PATCH', url: string, payload: unknown, type?: string) => Promise<{ status: number; body: any }> };
async function as(email: string): Promise<Caller> {
  const { token, csrfToken } = await tryLogin(t.app, email);
  return {
    request: async (method, url, payload, type) => {
      const response = await t.app.inject({
        method,
        url,
        cookies: { stegvis_session: token! },
        headers: { 'x-csrf-token': csrfToken!, ...(type && { 'content-type': type }) },
        payload: payload as string,
      });
      return { status: response.statusCode, body: response.json() };
    },
  };
}

const teamCount = async () => Number((await t.db.selectFrom('teams').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('answers repeat no personal data', () => {
  it('a personnummer in a code field of the API is described, not quoted', async () => {
    const worker = await as(t.world.users.kommunWorker.email);
    const answer = await worker.request('POST', '/api/v1/enrolments', {
      mode: 'consent', interventionId: t.world.interventions.kommunInsats, gender: 'woman', startDate: '2024-03-01',
      person: { participantRef: 'REF-ECHO' }, consent: { givenDate: '2024-03-01', method: 'written' },
      incomeBefore: [PNR_BARE, PNR], education: PNR_BARE,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual(expect.arrayContaining([
      { path: 'incomeBefore', message: 'Okänd kod i kodlistan income_source' },
      { path: 'education', message: 'Okänd kod i kodlistan education' },
    ]));
    expect(answer.body.errors.filter((e: { path: string }) => e.path === 'incomeBefore')).toHaveLength(1);
    expect(leaks(answer.body)).toBe(false);
  });

  it('a conflict names the field, not the value', async () => {
    const admin = await as(t.world.users.systemAdmin.email);
    const answer = await admin.request('POST', '/api/v1/organisations', { code: 'KOMMUN', name: 'Igen', kind: 'municipality' });
    expect(answer.status).toBe(409);
    expect(answer.body.message).toBe('Det finns redan en organisation med den koden. Välj en annan kod.');
  });

  it('an import’s unknown owner or code that could be personal data is not quoted', async () => {
    const admin = await as(t.world.users.systemAdmin.email);
    const interventions = await admin.request(
      'POST', '/api/v1/imports/interventions',
      `code,name,owner,association,start_date,end_date,orientation,follow_up,places,volume_target\nNYINSATS,Ny,${PNR_BARE},${PNR},2024-01-01,,individual,individual,,\n`,
      'text/csv',
    );
    expect(interventions.status).toBe(400);
    expect(interventions.body.errors.map((e: { column: string }) => e.column).sort()).toEqual(['association', 'owner']);
    expect(leaks(interventions.body)).toBe(false);
    const worker = await as(t.world.users.kommunWorker.email);
    const enrolments = await worker.request(
      'POST', '/api/v1/imports/enrolments',
      csv([...ENROLMENT_COLUMNS], [{ ...BASE, intervention: 'KOMMUNINSATS', referrer: '', gender: PNR_BARE, education: PNR }]),
      'text/csv',
    );
    expect(enrolments.status).toBe(400);
    expect(enrolments.body.errors.map((e: { column: string }) => e.column).sort()).toEqual(['education', 'gender']);
    expect(leaks(enrolments.body)).toBe(false);
  });
});

describe('a team named with a personnummer', () => {
  it.each([PNR, PNR_BARE, `Team ${PNR}`, '19121272-1219'])('is refused by the API (%s), and no team is created', async (name) => {
    const lead = await as(t.world.users.lead.email);
    const before = await teamCount();
    const answer = await lead.request('POST', `/api/v1/interventions/${t.world.interventions.kommunInsats}/teams`, { name });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      code: 'bad_request',
      message: expect.any(String),
      errors: [{ path: 'body.name', message: 'Ett teamnamn får inte innehålla ett personnummer eller samordningsnummer. Ge teamet ett annat namn.' }],
    });
    expect(leaks(answer.body)).toBe(false);
    expect(await teamCount()).toBe(before);
  });

  it('is refused by the enrolment import with a row error that does not quote it, and no team is created', async () => {
    const worker = await as(t.world.users.kommunWorker.email);
    const before = await teamCount();
    const file = csv([...ENROLMENT_COLUMNS], [{ ...BASE, intervention: 'KOMMUNINSATS', referrer: '', team: PNR }]);
    const answer = await worker.request('POST', '/api/v1/imports/enrolments', file, 'text/csv');
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      {
        row: 2,
        column: 'team',
        reason: 'Teamets namn ser ut att innehålla ett personnummer eller samordningsnummer: ange teamets namn, och skriv personnumret i kolumnen personnummer',
      },
    ]);
    expect(leaks(answer.body)).toBe(false);
    expect(await teamCount()).toBe(before);
    // An ordinary team name still imports (and creates the team).
    const ok = await worker.request('POST', '/api/v1/imports/enrolments', csv([...ENROLMENT_COLUMNS], [{ ...BASE, intervention: 'KOMMUNINSATS', referrer: '', team: 'Team Norr' }]), 'text/csv');
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });
});
