import type { App } from '../server/app.js';
import { hashPassword } from '../server/auth/password.js';
import { login } from './http.js';
import { consentRegistration } from './registration.js';
import { testPassword, type World } from './world.js';

export type Foreign = Awaited<ReturnType<typeof seedForeign>>;

/**
 * Records outside the reach of every seeded KOMMUN / FÖRBUND user: ANNAT's intervention, a team
 * of it, its case worker (with an assignment), and a person enrolled there with consent for
 * ANNAT only. Used to prove "out of scope answers as not found" route by route.
 */
export async function seedForeign(app: App, world: World, person = { personnummer: '19800101-0019', firstName: 'Främling', lastName: 'Utanförsson' }) {
  const db = app.db;
  const teamId = (await db.insertInto('teams').values({ intervention_id: world.interventions.annatInsats, name: 'Team Annat' }).returning('id').executeTakeFirstOrThrow()).id;
  const email = 'handlaggare@annat.test';
  const userId = (
    await db
      .insertInto('users')
      .values({ email, display_name: 'Annat', organisation_id: world.orgs.other, password_hash: await hashPassword(testPassword) })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const assignmentId = (
    await db.insertInto('assignments').values({ user_id: userId, role: 'case_worker', intervention_id: world.interventions.annatInsats }).returning('id').executeTakeFirstOrThrow()
  ).id;
  const worker = await login(app, email);
  const created = await worker.post('/api/v1/enrolments', consentRegistration(world.interventions.annatInsats, person, { startDate: '2024-02-01', gender: 'man' }));
  if (created.status !== 201) throw new Error(`foreign enrolment: ${created.status} ${JSON.stringify(created.body)}`);
  const personId = (await db.selectFrom('enrolments').select('person_id').where('id', '=', created.body.id).executeTakeFirstOrThrow()).person_id;
  // ANNAT's own workplace register, with the foreign person placed there.
  const workplace = await worker.post('/api/v1/workplaces', { associationId: world.orgs.other, name: 'Främlingsverkstaden' });
  const activity = await worker.post(`/api/v1/enrolments/${created.body.id}/activities`, { activityType: 'internship', workplaceId: workplace.body.id, startDate: '2024-02-01', status: 'ongoing' });
  if (activity.status !== 201) throw new Error(`foreign activity: ${activity.status} ${JSON.stringify(activity.body)}`);
  return {
    organisationId: world.orgs.other,
    associationCode: 'ANNAT',
    interventionId: world.interventions.annatInsats,
    interventionCode: 'ANNAT-INSATS',
    teamId,
    userId,
    assignmentId,
    enrolmentId: created.body.id as string,
    personId,
    workplaceId: workplace.body.id as string,
    activityId: activity.body.id as string,
    worker,
  };
}
