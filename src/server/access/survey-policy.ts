import type { Actor } from './actor.js';
import type { Db } from '../db/connection.js';

// Who sees a survey's results (issue 13). Staff working in the intervention (case worker or lead,
// on it or one of its teams) see them, exact when their organisation controls the intervention's
// records (its owner). The free-text answers are person data: case workers of the owner only, as
// a lead reads person data only with a case_worker assignment as well (domain.md, model 3).
// Another party's staff and the förbund get suppressed counts and no free text (model 7). Anyone
// else: not found.

/** `createLink`: works in the intervention, so may put up its anonymous link (POST …/survey-link). */
export type SurveyResultsAccess = { mustSuppress: boolean; readFreeText: boolean; createLink: boolean };

export async function surveyResultsAccess(db: Db, actor: Actor, interventionId: string): Promise<SurveyResultsAccess | null> {
  const intervention = await db.selectFrom('interventions').select(['id', 'owner_org_id', 'association_id']).where('id', '=', interventionId).executeTakeFirst();
  if (!intervention) return null;
  const teamIds = (await db.selectFrom('teams').select('id').where('intervention_id', '=', intervention.id).execute()).map((t) => t.id);
  const covers = (a: Actor['assignments'][number]) => a.interventionId === intervention.id || (a.teamId !== null && teamIds.includes(a.teamId));
  const works = actor.assignments.some((a) => (a.role === 'case_worker' || a.role === 'intervention_lead') && covers(a));
  const caseWork = actor.assignments.some((a) => a.role === 'case_worker' && covers(a));
  const owner = actor.organisationId === intervention.owner_org_id;
  if (works) return { mustSuppress: !owner, readFreeText: owner && caseWork, createLink: true };
  const ofTheForbund = actor.assignments.some((a) => a.role === 'association_admin' && a.associationId !== null && a.associationId === intervention.association_id);
  return ofTheForbund ? { mustSuppress: true, readFreeText: false, createLink: false } : null;
}
