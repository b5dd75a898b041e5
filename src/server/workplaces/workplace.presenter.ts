import type { PlacementRow, WorkplaceRow } from './workplace.repository.js';

type Place = { workplace_id: string; activity_type: string; places: number };

export const presentWorkplaceSummary = (row: WorkplaceRow, places: Place[]) => ({
  id: row.id,
  association: { id: row.association_id, name: row.association_name },
  name: row.name,
  sector: row.sector,
  orgNumber: row.org_number,
  address: row.address,
  places: places.filter((p) => p.workplace_id === row.id).map((p) => ({ activityType: p.activity_type, places: p.places })),
});

/** The participant as staff know them in lists: name, else their reference. */
const participantName = (p: PlacementRow) => [p.first_name, p.last_name].filter(Boolean).join(' ') || p.participant_ref || 'Namn saknas';

export const presentPlacement = (p: PlacementRow) => ({
  activityId: p.id,
  enrolmentId: p.enrolment_id,
  participant: participantName(p),
  activityType: p.activity_type,
  startDate: p.start_date,
  endDate: p.end_date,
});
