import type { Actor } from '../access/actor.js';
import type { InterventionRow, teamsOf, volumeTargetsOf } from './intervention.repository.js';
import { interventionCan } from '../access/intervention-rules.js';

type TeamRow = Awaited<ReturnType<typeof teamsOf>>[number];
type TargetRow = Awaited<ReturnType<typeof volumeTargetsOf>>[number];

export function presentIntervention(actor: Actor, row: InterventionRow, teams: TeamRow[], targets: TargetRow[]) {
  const own = teams.filter((t) => t.intervention_id === row.id);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    owner: { id: row.owner_org_id, code: row.owner_code, name: row.owner_name },
    association: row.association_id ? { id: row.association_id, code: row.association_code!, name: row.association_name! } : null,
    startDate: row.start_date,
    endDate: row.end_date,
    orientation: row.orientation,
    followUp: row.follow_up,
    followUpMethod: row.follow_up_method,
    places: row.places,
    volumeTarget: row.volume_target,
    volumeTargets: targets.filter((t) => t.intervention_id === row.id).map((t) => ({ year: t.year, target: t.target })),
    teams: own.map((t) => ({ id: t.id, name: t.name })),
    can: interventionCan(actor, {
      id: row.id,
      ownerOrgId: row.owner_org_id,
      associationId: row.association_id,
      teamIds: own.map((t) => t.id),
    }),
  };
}
