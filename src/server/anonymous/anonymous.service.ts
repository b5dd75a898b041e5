import type { z } from 'zod';
import type { anonymousCreate } from '../../core/schemas/enrolment.js';
import { writeAudit } from '../audit/audit.js';
import type { RequestContext } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { presentRegistration } from './anonymous.presenter.js';
import { coversIntervention, headCountAssignments } from '../access/anonymous-policy.js';
import { findIntervention, findTeam, insertRegistration, listVisibleRegistrations } from './anonymous.repository.js';

type Create = z.output<typeof anonymousCreate>;

const invalid = 'Uppgifterna är ogiltiga. Rätta fälten och försök igen.';

/**
 * A head count for people without consent or with protected identity (domain.md, data-protection
 * model 5): no identity at all, controlled by the intervention's owner like its enrolments.
 */
export async function createRegistration(ctx: RequestContext, input: Create) {
  return ctx.db.transaction().execute(async (trx) => {
    const { interventionIds, teamIds } = headCountAssignments(ctx.actor);
    const intervention = await findIntervention(trx, input.interventionId);
    const team = input.teamId ? await findTeam(trx, input.teamId) : null;
    const onIntervention = interventionIds.includes(input.interventionId);
    const onTeam = !!team && team.intervention_id === input.interventionId && teamIds.includes(team.id);
    // Without an assignment on the intervention or the given team it answers as missing.
    if (!intervention || !(onIntervention || onTeam)) throw notFound();
    if (input.teamId && team?.intervention_id !== intervention.id) {
      throw badRequest(invalid, [{ path: 'teamId', message: 'Välj ett team i insatsen' }]);
    }
    const first = Number(intervention.start_date.slice(0, 4));
    const last = intervention.end_date ? Number(intervention.end_date.slice(0, 4)) : null;
    if (input.year < first || (last !== null && input.year > last)) {
      throw badRequest(invalid, [
        { path: 'year', message: `Välj ett år under insatsens period (${first}–${last ?? ''})` },
      ]);
    }
    const row = await insertRegistration(trx, {
      intervention_id: intervention.id,
      team_id: input.teamId,
      controller_org_id: intervention.owner_org_id,
      year: input.year,
      gender: input.gender,
      count: input.count,
    });
    await writeAudit(trx, ctx.audit, [{ action: 'create', entity: 'anonymous_registration', details: { count: input.count } }]);
    return presentRegistration(row);
  });
}

export async function listRegistrations(ctx: RequestContext, filter: { interventionId: string; year?: number }) {
  if (!(await coversIntervention(ctx.db, ctx.actor, filter.interventionId))) throw notFound();
  const rows = await listVisibleRegistrations(ctx.db, ctx.actor, filter);
  return { items: rows.map(presentRegistration) };
}
