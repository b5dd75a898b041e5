import type { Actor } from './actor.js';
import type { Db } from '../db/connection.js';

// Who sees a survey's results (issue 13). Staff working in the intervention (case worker or lead,
// on it or one of its teams) see them; exact counts and the free-text answers only when their
// organisation controls the intervention's records (its owner). Another party's staff and the
// förbund get suppressed counts and no free text (data-protection model 7). Anyone else: not found.

export type SurveyResultsAccess = { mustSuppress: boolean; readFreeText: boolean };

export async function surveyResultsAccess(db: Db, actor: Actor, interventionId: string): Promise<SurveyResultsAccess | null> {
  const intervention = await db.selectFrom('interventions').select(['id', 'owner_org_id', 'association_id']).where('id', '=', interventionId).executeTakeFirst();
  if (!intervention) return null;
  const teamIds = (await db.selectFrom('teams').select('id').where('intervention_id', '=', intervention.id).execute()).map((t) => t.id);
  const works = actor.assignments.some(
    (a) => (a.role === 'case_worker' || a.role === 'intervention_lead') && (a.interventionId === intervention.id || (a.teamId !== null && teamIds.includes(a.teamId))),
  );
  const owner = actor.organisationId === intervention.owner_org_id;
  if (works) return { mustSuppress: !owner, readFreeText: owner };
  const ofTheForbund = actor.assignments.some((a) => a.role === 'association_admin' && a.associationId !== null && a.associationId === intervention.association_id);
  return ofTheForbund ? { mustSuppress: true, readFreeText: false } : null;
}
