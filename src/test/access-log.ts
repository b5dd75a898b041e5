import { writeAudit } from '../server/audit/audit.js';
import { hashPassword } from '../server/auth/password.js';
import type { Role } from '../server/access/roles.js';
import type { App } from '../server/app.js';
import type { Db } from '../server/db/connection.js';
import { login } from './http.js';
import { consentRegistration } from './registration.js';
import { testPassword, type World } from './world.js';

/** A user with one organisation-wide role (log_reviewer, org_admin …) or none. */
export async function addUser(db: Db, email: string, organisationId: string, role: Role | null) {
  const id = (
    await db
      .insertInto('users')
      .values({ email, display_name: email.split('@')[0], organisation_id: organisationId, password_hash: await hashPassword(testPassword) })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  if (role) await db.insertInto('assignments').values({ user_id: id, role }).execute();
  return { id, email };
}

/**
 * An access log across organisation borders, made through the API where it can be:
 * - Anna, controlled by KOMMUN, consent names AF: created by the KOMMUN case worker, read by the
 *   AF case worker, refused to the FK case worker (a denied read records only the enrolment);
 * - Bertil, controlled by AF: created and read by the AF case worker, refused to KOMMUN's;
 * - Cecilia, controlled by ANNAT, read by ANNAT's own user: a wholly other organisation's log;
 * - one event with a formula as its purpose (the purpose is typed by the client).
 * Plus a log reviewer at AF (world has one at KOMMUN) and a user at ANNAT.
 */
export async function seedAccessLog(app: App, db: Db, world: World) {
  const afReviewer = await addUser(db, 'logg@af.test', world.orgs.af, 'log_reviewer');
  const annatUser = await addUser(db, 'handlaggare@annat.test', world.orgs.other, null);
  const kommun = await login(app, world.users.kommunWorker.email);
  const af = await login(app, world.users.afWorker.email);
  const fk = await login(app, world.users.fkWorker.email);

  const created = async (response: { status: number; body: { id: string } }) => {
    if (response.status !== 201) throw new Error(`enrolment not created: ${response.status}`);
    const row = await db.selectFrom('enrolments').select('person_id').where('id', '=', response.body.id).executeTakeFirstOrThrow();
    return { enrolmentId: response.body.id, personId: row.person_id };
  };
  const anna = await created(
    await kommun.post('/api/v1/enrolments', consentRegistration(world.interventions.kommunInsats, { participantRef: 'K-1', firstName: 'Anna', lastName: 'Andersson' }, { partyIds: [world.orgs.af] })),
  );
  const bertil = await created(
    await af.post('/api/v1/enrolments', consentRegistration(world.interventions.afInsats, { participantRef: 'A-1', firstName: 'Bertil', lastName: 'Berg' })),
  );
  expectStatus(await af.get(`/api/v1/enrolments/${anna.enrolmentId}`), 200);
  expectStatus(await fk.get(`/api/v1/enrolments/${anna.enrolmentId}`), 404);
  expectStatus(await af.get(`/api/v1/enrolments/${bertil.enrolmentId}`), 200);
  expectStatus(await kommun.get(`/api/v1/enrolments/${bertil.enrolmentId}`), 404);

  const cecilia = (
    await db
      .insertInto('persons')
      .values({ controller_org_id: world.orgs.other, participant_ref: 'X-1', first_name: 'Cecilia', last_name: 'Ceder', gender: 'woman' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await writeAudit(db, { userId: annatUser.id, organisationId: world.orgs.other, role: 'case_worker', requestId: 'annat-1', purpose: 'enrolment:read' }, [
    { action: 'read', entity: 'person', personId: cecilia },
    { action: 'list', entity: 'person', personId: cecilia },
  ]);
  await writeAudit(db, { userId: world.users.kommunWorker.id, organisationId: world.orgs.kommun, role: 'case_worker', requestId: 'formula-1', purpose: '=HYPERLINK("http://example.test")' }, [
    { action: 'read', entity: 'person', personId: anna.personId },
  ]);
  return { anna, bertil, cecilia, afReviewer, annatUser };
}

function expectStatus(response: { status: number }, status: number) {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}`);
}
