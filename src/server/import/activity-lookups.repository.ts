// Everything an activities file is checked against, loaded once per file with set-based queries.
// Enrolments are found only among those the importer may add activities to (the case-record
// rule, category `plan`); a match outside that is kept apart, only to be audited as denied.
import { sql } from 'kysely';
import type { ActivityImportRow } from '../../core/import/activities.js';
import { caseRecordVisibleTo, caseRecordWritableIn } from '../access/case-record-policy.js';
import type { DataScope } from '../access/data-scope.js';
import type { Db } from '../db/connection.js';
import { CodeIndex } from './code-index.js';

const anyOf = <T>(values: readonly T[]) => [...new Set(values)];

export type ActivityLookups = Awaited<ReturnType<typeof loadActivityLookups>>;
export type MatchedEnrolment = ActivityLookups['enrolments'][number];

export async function loadActivityLookups(db: Db, rows: readonly ActivityImportRow[], scope: DataScope) {
  const interventionRows = await db.selectFrom('interventions').select(['id', 'code', 'association_id']).execute();
  const interventions = new CodeIndex(interventionRows);
  const teams = await db.selectFrom('teams').select(['id', 'intervention_id']).execute();
  const interventionIds = anyOf(rows.map((r) => interventions.get(r.intervention)?.id).filter((id): id is string => !!id));
  const refs = anyOf(rows.flatMap((r) => (r.participantRef ? [r.participantRef] : [])));
  const pnrs = anyOf(rows.flatMap((r) => (r.personnummer ? [r.personnummer] : [])));
  const candidates = (writable: boolean) =>
    db
      .selectFrom('enrolments as e')
      .innerJoin('persons as p', 'p.id', 'e.person_id')
      .where(sql<boolean>`e.intervention_id = any(${interventionIds}::uuid[])`)
      .where(sql<boolean>`(p.participant_ref = any(${refs}::text[]) or p.personnummer = any(${pnrs}::text[]))`)
      .where(writable ? caseRecordWritableIn(scope, 'plan', 'e') : sql<boolean>`(${caseRecordWritableIn(scope, 'plan', 'e')}) is not true`)
      .select(['e.id', 'e.person_id', 'e.intervention_id', 'e.controller_org_id', 'e.start_date', 'e.exit_date', 'p.participant_ref', 'p.personnummer'])
      .orderBy('e.id')
      .execute();
  const enrolments = await candidates(true);
  const hidden = scope.kind === 'system' ? [] : await candidates(false);
  const associationIds = anyOf(interventionRows.flatMap((i) => (interventionIds.includes(i.id) && i.association_id ? [i.association_id] : [])));
  const workplaces = await db
    .selectFrom('workplaces')
    .select(['id', 'association_id', 'name', 'org_number'])
    .where(sql<boolean>`association_id = any(${associationIds}::uuid[])`)
    .execute();
  const existing = await db
    .selectFrom('activities as a')
    .where(sql<boolean>`a.enrolment_id = any(${enrolments.map((e) => e.id)}::uuid[])`)
    .where(caseRecordVisibleTo(scope, 'plan', 'a'))
    .select(['a.id', 'a.enrolment_id', 'a.controller_org_id', 'a.activity_type', 'a.employment_type', 'a.start_date', 'a.end_date', 'a.hours_per_week', 'a.workplace_id', 'a.extension'])
    .execute();
  const codes = await db.selectFrom('code_list_entries').select(['list', 'code', 'valid_from', 'valid_to']).where('list', 'in', ['activity_type', 'employment_type']).execute();
  return { interventions, teams, enrolments, hidden, workplaces, existing, codes };
}
