// Matches registrations to persons within one controller (persons of different controllers are
// never matched, data-protection model 1): by participant_ref and by personnummer, against the
// persons the caller may attach to (access/person-policy.ts) and the rows before it in the same
// file. Used by the CSV import and the API alike. Reasons never quote a personnummer or a name.
import { orderedId } from '../import/ordered-id.js';
import type { EnrolmentRow } from '../../core/import/rows.js';

/** A stored person as matching sees it. */
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

/** What a registration says about the person. */
export type PersonFields = Pick<EnrolmentRow, 'participantRef' | 'personnummer' | 'firstName' | 'lastName' | 'gender' | 'birthYear'>;

export type MatchedPerson = PersonRecord & { isNew: boolean; changed: boolean };
export type PersonMatch = { person: MatchedPerson } | { column: string; reason: string };

const OTHER_PERSON =
  'Personnumret hör redan till en annan deltagare (med en annan participant_ref) hos den personuppgiftsansvariga ' +
  'organisationen: kontrollera participant_ref och personnummer';

export class PersonMatcher {
  // controller → participant_ref / personnummer → person
  private readonly byRef = new Map<string, Map<string, MatchedPerson>>();
  private readonly byPnr = new Map<string, Map<string, MatchedPerson>>();
  private readonly updated = new Set<MatchedPerson>();
  // person → the new person standing in for them where they were unattachable
  private readonly standIns = new Map<MatchedPerson, MatchedPerson>();
  readonly created: MatchedPerson[] = [];

  constructor(persons: readonly PersonRecord[]) {
    for (const person of persons) this.index({ ...person, isNew: false, changed: false });
  }

  /** The changed persons that existed before the file. */
  get changed(): MatchedPerson[] {
    return [...this.updated];
  }

  /**
   * `unattachable`: a matched person holding a record out of the caller's scope that this row
   * would collide with is, to the caller, not there: the row gets a new person, as a stranger's
   * would, and the same new person for every such row of the file.
   */
  match(controllerId: string, row: PersonFields, unattachable?: (person: MatchedPerson) => boolean): PersonMatch {
    const ref = row.participantRef;
    const pnr = row.personnummer;
    const byRef = ref ? this.byRef.get(controllerId)?.get(ref) : undefined;
    const byPnr = pnr ? this.byPnr.get(controllerId)?.get(pnr) : undefined;
    if (byRef && byPnr && byRef !== byPnr) return { column: 'personnummer', reason: OTHER_PERSON };
    const person = byRef ?? byPnr;
    if (!person) return { person: this.create(controllerId, row) };
    if (byRef && pnr && person.personnummer && person.personnummer !== pnr) {
      return {
        column: 'personnummer',
        reason: 'participant_ref hör till en deltagare med ett annat personnummer: kontrollera participant_ref och personnummer',
      };
    }
    if (byPnr && ref && person.participant_ref && person.participant_ref !== ref) {
      return { column: 'personnummer', reason: OTHER_PERSON };
    }
    if (person.identity_removed_at && (pnr || row.firstName || row.lastName)) {
      return {
        column: pnr ? 'personnummer' : row.firstName ? 'first_name' : 'last_name',
        reason: 'Deltagarens identitetsuppgifter är gallrade och får inte lagras igen: lämna personnummer och namn tomma',
      };
    }
    if (unattachable?.(person)) return { person: this.standInFor(person, controllerId, row) };
    this.update(person, row);
    return { person };
  }

  private standInFor(person: MatchedPerson, controllerId: string, row: PersonFields): MatchedPerson {
    const standIn = this.standIns.get(person);
    if (standIn) {
      this.update(standIn, row);
      return standIn;
    }
    // Indexing keeps the first person registered under a number, so later rows still find `person`.
    const created = this.create(controllerId, row);
    this.standIns.set(person, created);
    return created;
  }

  private create(controllerId: string, row: PersonFields): MatchedPerson {
    const person: MatchedPerson = {
      id: orderedId(),
      controller_org_id: controllerId,
      participant_ref: row.participantRef,
      personnummer: row.personnummer,
      first_name: row.firstName,
      last_name: row.lastName,
      gender: row.gender,
      birth_year: row.birthYear,
      identity_removed_at: null,
      isNew: true,
      changed: false,
    };
    this.created.push(person);
    this.index(person);
    return person;
  }

  // A later row fills what is missing and corrects the rest; an empty name never erases one,
  // since the same person may stand in files that carry names and files that do not.
  private update(person: MatchedPerson, row: PersonFields): void {
    const next = {
      participant_ref: person.participant_ref ?? row.participantRef,
      personnummer: person.personnummer ?? row.personnummer,
      first_name: row.firstName ?? person.first_name,
      last_name: row.lastName ?? person.last_name,
      gender: row.gender,
      birth_year: row.birthYear ?? person.birth_year,
    };
    const fields = Object.keys(next) as (keyof typeof next)[];
    if (fields.every((field) => person[field] === next[field])) return;
    Object.assign(person, next);
    person.changed = true;
    if (!person.isNew) this.updated.add(person);
    this.index(person);
  }

  private index(person: MatchedPerson): void {
    if (person.participant_ref) indexIn(this.byRef, person.controller_org_id, person.participant_ref, person);
    if (person.personnummer) indexIn(this.byPnr, person.controller_org_id, person.personnummer, person);
  }
}

function indexIn(index: Map<string, Map<string, MatchedPerson>>, controllerId: string, value: string, person: MatchedPerson) {
  let byValue = index.get(controllerId);
  if (!byValue) index.set(controllerId, (byValue = new Map()));
  // Two records of one controller may share a number (one registered by a party that could not
  // see the other): the first registered is the one matched.
  if (!byValue.has(value)) byValue.set(value, person);
}
