// Turns validated enrolment rows into a plan of writes, checking each row against the database
// lookups and collecting every error. Nothing here writes. While the file is free of errors, each
// slice's new teams, persons and enrolments are handed to `early` (which writes them while the
// next slice is planned); the rest is returned. A later error leaves the caller to undo what was
// written (the import's savepoint): all or nothing.
import { echo } from '../../core/echo.js';
import { orderedId } from './ordered-id.js';
import { ageAtStart } from '../../core/age.js';
import type { EnrolmentRow, RowError } from '../../core/import/rows.js';
import { parsePersonnummer } from '../../core/personnummer.js';
import type { AuditEntry } from '../audit/audit.js';
import { foldName } from './code-index.js';
import type { EnrolmentLookups, InterventionRef, TeamRef } from './enrolment-lookups.repository.js';
import { checkLength } from './limits.js';
import { noCounts } from './import.types.js';
import type { DataScope } from '../access/data-scope.js';
import { actingOrganisation } from '../access/data-scope.js';
import { enrolmentImportTargets } from '../access/import-policy.js';
import { planConsent, startsBeforeWithdrawal } from '../consents/consent-rules.js';
import { PersonMatcher, type MatchedPerson } from '../persons/person-matcher.js';
import { deniedMatch } from '../persons/person-match.repository.js';
import { enrolmentFacts, sameFacts, type EnrolmentFacts } from './enrolment-facts.js';

export type EnrolmentInsert = { id: string; person_id: string; intervention_id: string; controller_org_id: string; facts: EnrolmentFacts };
export type EnrolmentPlan = Awaited<ReturnType<typeof planEnrolments>>;
type CodeValid = (list: string, code: string, onDate: string) => boolean;
type NewTeam = { id: string; intervention_id: string; name: string };

/** What a slice of rows adds that later tables refer to, in the order it must be written. */
export type PlanSlice = { newTeams: NewTeam[]; newPersons: MatchedPerson[]; inserts: EnrolmentInsert[] };

/** Rows planned between two early writes: one statement per table. */
const SLICE_ROWS = 10_000;

export async function planEnrolments(
  rows: readonly EnrolmentRow[],
  lookups: EnrolmentLookups,
  codeValid: CodeValid,
  scope: DataScope,
  early?: (slice: PlanSlice) => Promise<void>,
  sliceRows = SLICE_ROWS,
) {
  const errors: RowError[] = [];
  const counts = noCounts();
  const audit: AuditEntry[] = [];
  const matcher = new PersonMatcher(lookups.persons);
  const existing = new Map(lookups.enrolments.map((e) => [enrolmentKey(e.person_id, e.intervention_id, e.start_date), e]));
  const firstRow = new Map<string, number>();
  const newTeams = new Map<string, NewTeam>();
  const inserts: EnrolmentInsert[] = [];
  const updates: { id: string; facts: EnrolmentFacts }[] = [];
  const anonymous: { intervention_id: string; team_id: string | null; controller_org_id: string; year: number; gender: string; birth_year: number | null }[] = [];
  const consents = new Map<string, { id: string; person_id: string; controller_org_id: string; given_date: string; method: 'written'; enrolmentId: string }>();
  const targets = enrolmentImportTargets(scope);
  const deniedMatches = new Set<string>();
  const sameDayNearMisses: AuditEntry[] = [];
  const written = new WrittenSoFar();
  let planned = 0;

  for (const row of rows) {
    if (early && planned > 0 && planned % sliceRows === 0 && errors.length === 0) {
      await early(written.take(newTeams, matcher.created, inserts, true));
    }
    planned++;
    const fail = (column: string, reason: string) => errors.push({ row: row.row, column, reason });
    const referrer = row.referrer === null ? null : lookups.organisations.get(row.referrer);
    if (referrer === undefined) {
      fail('referrer', `Okänd remittent${echo(row.referrer ?? '')}: ange koden för en organisation som finns (t.ex. AF), eller lämna tomt`);
    }
    checkCodeDates(row, codeValid, fail);
    const intervention = lookups.interventions.get(row.intervention);
    if (!intervention) {
      fail('intervention', `Okänd insats${echo(row.intervention)}: ange koden för en insats som finns (importera interventions.csv först)`);
      continue;
    }
    const team = row.team === null ? null : teamOf(intervention, row.team, lookups.teams, newTeams, fail);
    if (targets !== 'all' && !targets.interventionIds.has(intervention.id) && !(team && !team.isNew && targets.teamIds.has(team.id))) {
      fail('intervention', `Du har inget uppdrag i insatsen '${intervention.code}': be en administratör om ett uppdrag som handläggare`);
    }
    const owner = intervention.owner_org_id;
    if (row.anonymous) {
      counts.anonymous++;
      anonymous.push({
        intervention_id: intervention.id,
        team_id: team?.id ?? null,
        controller_org_id: owner,
        year: Number(row.startDate.slice(0, 4)),
        gender: row.gender,
        birth_year: row.birthYear,
      });
      continue;
    }
    if (intervention.follow_up === 'count_only') {
      fail('anonymous', `Insatsen '${intervention.code}' följs upp med antal: registrera raden anonymt (anonymous=ja)`);
    }
    // An enrolment from this start day that the caller cannot see makes its person unattachable (its near-miss audited).
    const hiddenSameDay = (candidate: MatchedPerson) => {
      const other = existing.get(enrolmentKey(candidate.id, intervention.id, row.startDate));
      if (other?.visible !== false) return false;
      sameDayNearMisses.push({ action: 'create', entity: 'enrolment', personId: candidate.id, enrolmentId: other.id, outcome: 'denied', details: { reason: 'same_day_enrolment_out_of_scope' } });
      return true;
    };
    const match = matcher.match(owner, row, hiddenSameDay);
    if (!('person' in match)) {
      fail(match.column, match.reason);
      continue;
    }
    const person = match.person;
    // A person the caller may not attach to is not there: the row registers a new person, and
    // the near-miss is audited as denied (security review, findings 1 and 4).
    if (person.isNew) for (const id of lookups.outOfScope.hits(owner, row.participantRef, row.personnummer)) deniedMatches.add(id);
    const withdrawn = lookups.consents.withdrawnOn.get(person.id);
    if (startsBeforeWithdrawal(withdrawn, row.startDate)) {
      fail('consent', `Deltagaren har återkallat sitt samtycke (${withdrawn}) och raden börjar före det: ta bort raden eller registrera den anonymt`);
      continue;
    }
    const key = enrolmentKey(person.id, intervention.id, row.startDate);
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      fail(row.participantRef ? 'participant_ref' : 'personnummer', `Deltagaren skrivs redan in i insatsen '${intervention.code}' med startdatum ${row.startDate} på rad ${earlier}: slå ihop raderna eller ta bort den ena`);
      continue;
    }
    firstRow.set(key, row.row);
    const current = existing.get(key);
    const facts = enrolmentFacts(row, team?.id ?? null, referrer?.id ?? null, ageOf(row, person), current?.exit_completed ?? null);
    const enrolmentId = current?.id ?? orderedId();
    if (!current) {
      // Plain objects of one shape (no spread): 100,000 of them stay fast to build and read.
      inserts.push({ id: enrolmentId, person_id: person.id, intervention_id: intervention.id, controller_org_id: owner, facts });
      audit.push({ action: 'create', entity: 'enrolment', personId: person.id, enrolmentId });
      counts.created++;
    } else if (!sameFacts(current, facts)) {
      updates.push({ id: current.id, facts });
      audit.push({ action: 'update', entity: 'enrolment', personId: person.id, enrolmentId: current.id });
      counts.updated++;
    } else counts.unchanged++;
    // consent = ja covers the controller (OSL 12:2) unless an active consent exists; given on
    // the person's earliest start in the file.
    const consentPlan = planConsent(lookups.consents.active.get(person.id) ?? null, owner, actingOrganisation(scope), []);
    if (consentPlan.kind === 'create') {
      const planned = consents.get(person.id);
      if (!planned) {
        consents.set(person.id, { id: orderedId(), person_id: person.id, controller_org_id: owner, given_date: row.startDate, method: 'written', enrolmentId });
      } else if (row.startDate < planned.given_date) Object.assign(planned, { given_date: row.startDate, enrolmentId });
    }
  }

  for (const person of matcher.changed) audit.push({ action: 'update', entity: 'person', personId: person.id });
  recordConsentsInAudit(audit, consents.values());
  if (anonymous.length > 0) audit.push({ action: 'create', entity: 'anonymous_registration', details: { count: anonymous.length } });
  const rest = written.take(newTeams, matcher.created, inserts, false);
  return {
    errors, counts, audit, denied: [...[...deniedMatches].map(deniedMatch), ...sameDayNearMisses], ...rest, updates, anonymous,
    // New persons already written whom a later row completed are written again, unaudited as before.
    changedPersons: [...matcher.changed, ...written.changedSince()], consents: [...consents.values()],
  };
}

/** What has been handed out for writing, so each new team, person and enrolment goes out once. */
class WrittenSoFar {
  private teams = 0;
  private persons = 0;
  private inserts = 0;
  private readonly personFields = new Map<MatchedPerson, string>();

  /** `early`: the persons may still change, so what they were written with is remembered. */
  take(newTeams: Map<string, NewTeam>, created: readonly MatchedPerson[], inserts: readonly EnrolmentInsert[], early: boolean): PlanSlice {
    const slice = { newTeams: [...newTeams.values()].slice(this.teams), newPersons: created.slice(this.persons), inserts: inserts.slice(this.inserts) };
    this.teams = newTeams.size;
    this.persons = created.length;
    this.inserts = inserts.length;
    if (early) for (const person of slice.newPersons) this.personFields.set(person, fieldsOf(person));
    return slice;
  }

  changedSince(): MatchedPerson[] {
    return [...this.personFields].filter(([person, fields]) => fieldsOf(person) !== fields).map(([person]) => person);
  }
}

const fieldsOf = (p: MatchedPerson) => JSON.stringify([p.participant_ref, p.personnummer, p.first_name, p.last_name, p.gender, p.birth_year]);

/**
 * A consent recorded with an enrolment is written into that enrolment's create/update event
 * (details.consentId) rather than as an event of its own: every audit row is hash-chained by a
 * per-row trigger, and a second row per participant would double the cost of a large import.
 * A consent for an unchanged enrolment gets its own event, as consent.operations writes it.
 */
function recordConsentsInAudit(audit: AuditEntry[], consents: Iterable<{ id: string; person_id: string; enrolmentId: string }>) {
  const byEnrolment = new Map(audit.map((entry) => [entry.enrolmentId, entry]));
  for (const consent of consents) {
    const details = { consentId: consent.id, parties: 1 };
    const event = byEnrolment.get(consent.enrolmentId);
    if (event) event.details = { consent: details };
    else audit.push({ action: 'create', entity: 'consent', personId: consent.person_id, enrolmentId: consent.enrolmentId, details });
  }
}

const enrolmentKey = (personId: string, interventionId: string, startDate: string) => `${personId}|${interventionId}|${startDate}`;

function teamOf(
  intervention: InterventionRef,
  name: string,
  teams: Map<string, Map<string, TeamRef>>,
  newTeams: Map<string, NewTeam>,
  fail: (column: string, reason: string) => void,
): { id: string; isNew: boolean } | null {
  if (name.length > 100) {
    checkLength(name, 100, 'team', 'Teamets namn', fail);
    return null;
  }
  const byName = teams.get(intervention.id) ?? new Map<string, TeamRef>();
  teams.set(intervention.id, byName);
  const found = byName.get(foldName(name));
  if (found) return { id: found.id, isNew: newTeams.has(found.id) };
  // Teams named in the file are created when new (domain.md).
  const team = { id: orderedId(), name };
  byName.set(foldName(name), team);
  newTeams.set(team.id, { id: team.id, intervention_id: intervention.id, name });
  return { id: team.id, isNew: true };
}

function ageOf(row: EnrolmentRow, person: MatchedPerson): number | null {
  const birthDate = row.birthDate ?? (person.personnummer ? parsePersonnummer(person.personnummer)?.birthDate ?? null : null);
  return ageAtStart(row.startDate, birthDate, row.birthYear ?? person.birth_year);
}

// The table's validity dates are the authority at run time: a retired code is refused for dates
// after it was retired. Intake codes count on the start date, exit codes on the exit date.
function checkCodeDates(row: EnrolmentRow, codeValid: CodeValid, fail: (column: string, reason: string) => void) {
  checkCodes(row.incomeBefore, 'income_source', 'income_before', row.startDate, codeValid, fail);
  checkCode(row.occupationBefore, 'occupation', 'occupation_before', row.startDate, codeValid, fail);
  checkCode(row.education, 'education', 'education', row.startDate, codeValid, fail);
  if (row.exitDate === null) return;
  checkCode(row.exitReason, 'exit_reason', 'exit_reason', row.exitDate, codeValid, fail);
  checkCodes(row.incomeAfter, 'income_source', 'income_after', row.exitDate, codeValid, fail);
  checkCode(row.occupationAfter, 'occupation', 'occupation_after', row.exitDate, codeValid, fail);
}

function checkCodes(codes: string[], list: string, column: string, onDate: string, codeValid: CodeValid, fail: (column: string, reason: string) => void) {
  for (const code of codes) checkCode(code, list, column, onDate, codeValid, fail);
}

function checkCode(code: string | null, list: string, column: string, onDate: string, codeValid: CodeValid, fail: (column: string, reason: string) => void) {
  if (code !== null && !codeValid(list, code, onDate)) {
    fail(column, `Koden${echo(code)} i ${column} gäller inte ${onDate}: välj en kod ur kodlistan som gäller det datumet`);
  }
}
