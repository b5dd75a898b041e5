import { beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../test/pdf-text.js';
import { worldFixture } from '../../test/fixture.js';
import { addParticipant } from '../../test/world.js';
import { anonymousClient, login } from '../../test/http.js';

const t = worldFixture();
const orgAdmin = t.as('orgAdmin');
let person: Awaited<ReturnType<typeof addParticipant>>;

const url = (personId: string, pdf = false) => `/api/v1/persons/${personId}/subject-access${pdf ? '.pdf' : ''}`;
const missing = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  person = await addParticipant(t.db, {
    controllerId: t.world.orgs.kommun,
    personnummer: '19900101-0017',
    firstName: 'Åsa',
    lastName: 'Öberg',
    birthYear: 1990,
    enrolments: [{ interventionId: t.world.interventions.kommunInsats, start: '2024-03-01', exit: '2024-11-30', reason: 'work', notes: 'Vill arbeta inom vården' }],
    consent: { givenDate: '2024-03-01', partyIds: [t.world.orgs.af], documentRef: 'DNR 2024/31' },
  });
  // Accesses to record: the controller's case worker, AF through the consent, and a denied attempt by FK.
  for (const email of [t.world.users.kommunWorker.email, t.world.users.afWorker.email, t.world.users.fkWorker.email]) {
    await (await login(t.app, email)).get(`/api/v1/enrolments/${person.enrolmentIds[0]}`);
  }
});

const exports = () =>
  t.db.selectFrom('audit_events').selectAll().where('action', '=', 'export').where('person_id', '=', person.personId).orderBy('id').execute();

describe('data subject access (GDPR art. 15)', () => {
  it('needs a session and a role that answers for the controller', async () => {
    expect((await anonymousClient(t.app).get(url(person.personId))).status).toBe(401);
    for (const user of [t.world.users.kommunWorker, t.world.users.lead, t.world.users.systemAdmin]) {
      const response = await (await login(t.app, user.email)).get(url(person.personId));
      expect(response.status).toBe(403);
      expect(JSON.stringify(response.body)).not.toMatch(/Åsa|19900101/);
    }
  });

  it('answers another organisation exactly as a missing person, and audits the attempt', async () => {
    const afAdmin = t.as('afOrgAdmin');
    for (const path of [url(person.personId), url(person.personId, true)]) {
      const response = await afAdmin.get(path);
      expect(response.status).toBe(404);
      expect(response.body).toEqual((await afAdmin.get(url(missing))).body);
    }
    const denied = (await exports()).filter((e) => e.outcome === 'denied');
    expect(denied).toHaveLength(2);
    expect(denied.every((e) => e.actor_user_id === t.world.users.afOrgAdmin.id)).toBe(true);
  });

  it('gives the controller everything stored about the person and who accessed it', async () => {
    const response = await orgAdmin.get(url(person.personId));
    expect(response.status).toBe(200);
    const report = response.body;
    expect(report).toMatchObject({
      kind: 'subject_access',
      version: 1,
      controller: { code: 'KOMMUN' },
      person: { id: person.personId, personnummer: '19900101-0017', firstName: 'Åsa', lastName: 'Öberg', birthYear: 1990, protectedIdentity: false },
    });
    expect(report.enrolments).toHaveLength(1);
    expect(report.enrolments[0]).toMatchObject({ intervention: { code: 'KOMMUNINSATS' }, startDate: '2024-03-01', exitDate: '2024-11-30', exitReason: 'work', notes: 'Vill arbeta inom vården', incomeBefore: ['social_assistance'] });
    expect(report.consents[0]).toMatchObject({ givenDate: '2024-03-01', documentRef: 'DNR 2024/31', withdrawnDate: null });
    expect(report.consents[0].parties.map((p: { code: string }) => p.code).sort()).toEqual(['AF', 'KOMMUN']);
    const who = report.accessLog.map((a: { organisation: { code: string } | null; action: string; outcome: string }) => `${a.organisation?.code}:${a.action}:${a.outcome}`);
    expect(who).toEqual(expect.arrayContaining(['KOMMUN:read:allowed', 'AF:read:allowed', 'FK:read:denied', 'AF:export:denied']));
    // Organisation and role, not the staff member (CJEU C-579/21).
    const text = JSON.stringify(report.accessLog);
    for (const user of Object.values(t.world.users)) {
      expect(text).not.toContain(user.id);
      expect(text).not.toContain(user.email);
    }
  });

  it('the log reviewer of the controller may produce it too; each export is audited', async () => {
    const reviewer = t.as('logReviewer');
    expect((await reviewer.get(url(person.personId))).status).toBe(200);
    const allowed = (await exports()).filter((e) => e.outcome === 'allowed');
    expect(allowed.map((e) => [e.actor_role, e.entity, (e.details as { format: string }).format])).toEqual([
      ['org_admin', 'person', 'json'],
      ['log_reviewer', 'person', 'json'],
    ]);
  });

  it('renders a readable PDF with Swedish headings, audited as an export', async () => {
    const response = await t.app.inject({ method: 'GET', url: url(person.personId, true), headers: { cookie: (await loginCookie()).cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="registerutdrag-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const heading of ['Registerutdrag', 'Uppgifter om personen', 'Inskrivningar', 'Samtycken', 'Vem har tagit del av uppgifterna']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('19900101-0017');
    expect(text).toContain('Öberg');
    expect(text).toContain('Försörjningsstöd');
    expect(text).toContain('Handläggare');
    const last = (await exports()).at(-1)!;
    expect(last).toMatchObject({ outcome: 'allowed', actor_user_id: t.world.users.orgAdmin.id });
    expect(last.details).toMatchObject({ format: 'pdf' });
  });
});

async function loginCookie() {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: t.world.users.orgAdmin.email, password: 'rätt-hemligt-lösenord' } });
  const cookie = response.cookies.find((c) => c.name === 'stegvis_session')!;
  return { cookie: `stegvis_session=${cookie.value}` };
}
