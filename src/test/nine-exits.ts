import type { Db } from '../server/db/connection.js';
import type { World } from './world.js';

/**
 * Nine exits to work from KOMMUNINSATS in 2023 (Team A, age 40): one man — a small cell outside
 * the controller — and eight women; the first two marked not completed, the rest completed.
 */
export async function seedNineExits(db: Db, world: World, prefix: string) {
  for (let i = 0; i < 9; i++) {
    const gender = i === 0 ? 'man' : 'woman';
    const person = await db
      .insertInto('persons')
      .values({ controller_org_id: world.orgs.kommun, participant_ref: `${prefix}-${i}`, gender })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('enrolments')
      .values({
        person_id: person.id, intervention_id: world.interventions.kommunInsats, team_id: world.teams.teamA, controller_org_id: world.orgs.kommun,
        gender, age_at_start: 40, start_date: '2023-01-10', exit_date: '2023-05-10', exit_reason: 'work', exit_completed: i > 1,
      })
      .execute();
  }
}
