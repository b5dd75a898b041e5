// Everything an enrolments file is checked against, loaded once per file with a handful of
// set-based queries (arrays as single parameters), never a query per row.
import type { EnrolmentRow } from '../../core/import/rows.js';
import type { Db } from '../db/connection.js';
import type { DataScope } from '../access/data-scope.js';
import { enrolmentVisibleTo } from '../access/scope.js';
import { consentFacts } from '../consents/consent.repository.js';
import { findPersonCandidates, OutOfScope } from '../persons/person-match.repository.js';
import { CodeIndex, foldName } from './code-index.js';

export type { PersonRecord } from '../persons/person-match.repository.js';

export type InterventionRef = { id: string; code: string; owner_org_id: string; follow_up: string };
export type TeamRef = { id: string; name: string };
export type ExistingEnrolment = Awaited<ReturnType<typeof loadEnrolments>>[number];

export type EnrolmentLookups = Awaited<ReturnType<typeof loadEnrolmentLookups>>;

const anyOf = <T>(values: readonly T[]) => [...new Set(values)];

export async function loadEnrolmentLookups(db: Db, rows: readonly EnrolmentRow[], scope: DataScope) {
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

  // Only persons the caller may attach a registration to are matched (security review, finding 1).
  const candidates = await findPersonCandidates(db, scope, {
    controllers,
    refs: rows.flatMap((row) => (row.participantRef ? [row.participantRef] : [])),
    personnummer: rows.flatMap((row) => (row.personnummer ? [row.personnummer] : [])),
  });
  const persons = candidates.filter((c) => c.matchable);
  const personIds = persons.map((p) => p.id);
  return {
    interventions,
    organisations,
    teams,
    persons,
    outOfScope: new OutOfScope(candidates),
    enrolments: await loadEnrolments(db, scope, personIds),
    consents: await consentFacts(db, personIds),
  };
}

/** The matched persons' enrolments, each marked with whether the access rule lets the caller see it. */
function loadEnrolments(db: Db, scope: DataScope, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enrolments as e')
    .select([
      'e.id', 'e.person_id', 'e.intervention_id', 'e.start_date', 'e.team_id', 'e.controller_org_id', 'e.gender', 'e.age_at_start',
      'e.exit_date', 'e.exit_reason', 'e.exit_completed', 'e.referrer_org_id', 'e.income_before', 'e.occupation_before', 'e.education',
      'e.income_after', 'e.occupation_after', enrolmentVisibleTo(scope, 'e').as('visible'),
    ])
    .where((eb) => eb('e.person_id', '=', eb.fn.any(eb.val(personIds))))
    .execute();
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
