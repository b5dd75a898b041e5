// Everything an enrolments file is checked against, loaded once per file with a handful of
// set-based queries (arrays as single parameters), never a query per row.
import type { EnrolmentRow } from '../../core/import/rows.js';
import type { Db } from '../db/connection.js';
import { CodeIndex, foldName } from './code-index.js';

export type InterventionRef = { id: string; code: string; owner_org_id: string; follow_up: string };
export type TeamRef = { id: string; name: string };
export type PersonRecord = {
  id: string;
  controller_org_id: string;
  participant_ref: string | null;
  personnummer: string | null;
  first_name: string | null;
  last_name: string | null;
  gender: string;
  birth_year: number | null;
  identity_removed_at: Date | null;
};
export type ExistingEnrolment = Awaited<ReturnType<typeof loadEnrolments>>[number];

export type EnrolmentLookups = Awaited<ReturnType<typeof loadEnrolmentLookups>>;

const anyOf = <T>(values: readonly T[]) => [...new Set(values)];

export async function loadEnrolmentLookups(db: Db, rows: readonly EnrolmentRow[]) {
  const interventions = new CodeIndex<InterventionRef>(
    await db.selectFrom('interventions').select(['id', 'code', 'owner_org_id', 'follow_up']).execute(),
  );
  const organisations = new CodeIndex(await db.selectFrom('organisations').select(['id', 'code']).execute());
  const found = anyOf(rows.map((row) => interventions.get(row.intervention)).filter((i) => i !== undefined));
  const interventionIds = found.map((i) => i.id);
  const controllers = anyOf(found.map((i) => i.owner_org_id));

  const teams = new Map<string, Map<string, TeamRef>>();
  if (interventionIds.length > 0) {
    const teamRows = await db
      .selectFrom('teams')
      .select(['id', 'intervention_id', 'name'])
      .where((eb) => eb('intervention_id', '=', eb.fn.any(eb.val(interventionIds))))
      .execute();
    for (const team of teamRows) {
      const byName = teams.get(team.intervention_id) ?? new Map<string, TeamRef>();
      byName.set(foldName(team.name), { id: team.id, name: team.name });
      teams.set(team.intervention_id, byName);
    }
  }

  const refs = anyOf(rows.flatMap((row) => (row.participantRef ? [row.participantRef] : [])));
  const pnrs = anyOf(rows.flatMap((row) => (row.personnummer ? [row.personnummer] : [])));
  const persons: PersonRecord[] =
    controllers.length > 0 && refs.length + pnrs.length > 0
      ? await db
          .selectFrom('persons')
          .select(['id', 'controller_org_id', 'participant_ref', 'personnummer', 'first_name', 'last_name', 'gender', 'birth_year', 'identity_removed_at'])
          .where((eb) =>
            eb.and([
              eb('controller_org_id', '=', eb.fn.any(eb.val(controllers))),
              eb.or([
                eb('participant_ref', '=', eb.fn.any(eb.val(refs))),
                eb('personnummer', '=', eb.fn.any(eb.val(pnrs))),
              ]),
            ]),
          )
          .execute()
      : [];
  const personIds = persons.map((p) => p.id);
  return {
    interventions,
    organisations,
    teams,
    persons,
    enrolments: await loadEnrolments(db, personIds),
    ...(await loadConsents(db, personIds)),
  };
}

function loadEnrolments(db: Db, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enrolments')
    .select([
      'id', 'person_id', 'intervention_id', 'start_date', 'team_id', 'controller_org_id', 'gender', 'age_at_start',
      'exit_date', 'exit_reason', 'referrer_org_id', 'income_before', 'occupation_before', 'education',
      'income_after', 'occupation_after',
    ])
    .where((eb) => eb('person_id', '=', eb.fn.any(eb.val(personIds))))
    .execute();
}

/**
 * Active consents with their parties, and for persons without one the day their consent was last
 * withdrawn: a withdrawn consent neither counts as given nor opens access (OSL 12:2).
 */
async function loadConsents(db: Db, personIds: string[]) {
  const withActiveConsent = new Set<string>();
  const consentParties = new Map<string, Set<string>>();
  const withdrawnOn = new Map<string, string>();
  if (personIds.length === 0) return { withActiveConsent, consentParties, withdrawnOn };
  const rows = await db
    .selectFrom('consents as c')
    .leftJoin('consent_parties as cp', 'cp.consent_id', 'c.id')
    .select(['c.person_id', 'c.withdrawn_at', 'cp.organisation_id'])
    .where((eb) => eb('c.person_id', '=', eb.fn.any(eb.val(personIds))))
    .execute();
  for (const row of rows) {
    if (row.withdrawn_at) {
      const day = new Date(row.withdrawn_at).toISOString().slice(0, 10);
      if ((withdrawnOn.get(row.person_id) ?? '') < day) withdrawnOn.set(row.person_id, day);
      continue;
    }
    withActiveConsent.add(row.person_id);
    const parties = consentParties.get(row.person_id) ?? new Set<string>();
    if (row.organisation_id) parties.add(row.organisation_id);
    consentParties.set(row.person_id, parties);
  }
  for (const personId of withActiveConsent) withdrawnOn.delete(personId);
  return { withActiveConsent, consentParties, withdrawnOn };
}

/** Code-list entries with their validity (the table, not core, is the authority at run time). */
export async function loadCodeValidity(db: Db) {
  const rows = await db
    .selectFrom('code_list_entries')
    .select(['list', 'code', 'valid_from', 'valid_to'])
    .where('list', 'in', ['income_source', 'occupation', 'education', 'exit_reason'])
    .execute();
  // list → code → entry: no key string is built per lookup (an import asks six times a row).
  const byList = new Map<string, Map<string, (typeof rows)[number]>>();
  for (const row of rows) {
    const codes = byList.get(row.list) ?? new Map();
    codes.set(row.code, row);
    byList.set(row.list, codes);
  }
  return (list: string, code: string, onDate: string): boolean => {
    const entry = byList.get(list)?.get(code);
    return !!entry && entry.valid_from <= onDate && (entry.valid_to === null || entry.valid_to >= onDate);
  };
}
