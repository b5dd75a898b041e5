import fc from 'fast-check';
import { ageAtStart } from '../core/age.js';
import { codeLists, type Gender } from '../core/code-lists.js';
import { periodOfYear } from '../core/dates.js';
import type { KeyFact } from '../core/figures/key-figures.js';
import type { AnonymousFact } from '../core/figures/outcomes.js';
import type { CalendarPeriod } from '../core/figures/periods.js';
import type { Db } from '../server/db/connection.js';
import type { World } from './world.js';

// Enrolment facts of KOMMUNINSATS generated for property tests of the figures in SQL against
// their definitions in core, and stored the way the application stores them.

export const day = (offset: number) => new Date(Date.UTC(2022, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
export const teams = ['Team A', 'Team B', null] as const;

export type Fact = KeyFact & { team: (typeof teams)[number] };

const factArb = fc
  .record({
    person: fc.integer({ min: 0, max: 11 }),
    team: fc.constantFrom(...teams),
    gender: fc.constantFrom<Gender>('woman', 'man', 'other'),
    start: fc.integer({ min: 0, max: 1100 }),
    length: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    reason: fc.constantFrom(...codeLists.exit_reason.map((r) => r.code)),
    completed: fc.constantFrom(true, false, null),
    birthYear: fc.option(fc.integer({ min: 1950, max: 2006 }), { nil: null }),
  })
  .map(({ person, team, gender, start, length, reason, completed, birthYear }) => ({
    person: String(person),
    id: '',
    team,
    gender,
    birthDate: null,
    birthYear,
    startDate: day(start),
    exitDate: length === null ? null : day(start + length),
    exitReason: length === null ? null : reason,
    exitCompleted: length === null ? null : completed,
  }));

/** One enrolment per person and start day, as the database requires. */
export const factsArb = fc.uniqueArray(factArb, { maxLength: 30, selector: (f) => `${f.person} ${f.startDate}` });

export const anonymousArb = fc.record({
  year: fc.integer({ min: 2021, max: 2025 }),
  gender: fc.constantFrom<Gender>('woman', 'man', 'other'),
  count: fc.integer({ min: 1, max: 3 }),
  team: fc.constantFrom(...teams),
});

export const periodArb = fc.oneof(
  fc.tuple(fc.integer({ min: -30, max: 1300 }), fc.integer({ min: 0, max: 500 })).map(([from, length]) => ({ from: day(from), to: day(from + length) })),
  fc.integer({ min: 2022, max: 2025 }).map(periodOfYear),
);

export const calendarArb = fc.oneof(
  fc.integer({ min: 2022, max: 2025 }).map((year): CalendarPeriod => ({ kind: 'year', year })),
  fc.record({ year: fc.integer({ min: 2022, max: 2025 }), tertial: fc.constantFrom(1, 2, 3) }).map(({ year, tertial }): CalendarPeriod => ({ kind: 'tertial', year, tertial: tertial as 1 | 2 | 3 })),
  fc.record({ year: fc.integer({ min: 2022, max: 2025 }), month: fc.integer({ min: 1, max: 12 }) }).map(({ year, month }): CalendarPeriod => ({ kind: 'month', year, month })),
);

/** Stores facts the way the application does (age fixed at start) and returns them with their enrolment ids. */
export async function storeKeyFacts(db: Db, world: World, facts: Fact[], anonymous: (AnonymousFact & { team: Fact['team'] })[]): Promise<Fact[]> {
  await db.deleteFrom('enrolments').execute();
  await db.deleteFrom('persons').execute();
  await db.deleteFrom('anonymous_registrations').execute();
  const { kommunInsats } = world.interventions;
  const teamId = (team: Fact['team']) => (team === 'Team A' ? world.teams.teamA : team === 'Team B' ? world.teams.teamB : null);
  const persons = new Map<string, string>();
  const stored: Fact[] = [];
  for (const fact of facts) {
    let personId = persons.get(fact.person);
    if (!personId) {
      personId = (
        await db.insertInto('persons').values({ controller_org_id: world.orgs.kommun, participant_ref: `K-${fact.person}`, gender: fact.gender }).returning('id').executeTakeFirstOrThrow()
      ).id;
      persons.set(fact.person, personId);
    }
    const { id } = await db
      .insertInto('enrolments')
      .values({
        person_id: personId,
        intervention_id: kommunInsats,
        team_id: teamId(fact.team),
        controller_org_id: world.orgs.kommun,
        gender: fact.gender,
        age_at_start: ageAtStart(fact.startDate, fact.birthDate, fact.birthYear),
        start_date: fact.startDate,
        exit_date: fact.exitDate,
        exit_reason: fact.exitReason,
        exit_completed: fact.exitCompleted,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    stored.push({ ...fact, id });
  }
  if (anonymous.length) {
    await db
      .insertInto('anonymous_registrations')
      .values(anonymous.map(({ team, ...a }) => ({ intervention_id: kommunInsats, team_id: teamId(team), controller_org_id: world.orgs.kommun, ...a })))
      .execute();
  }
  return stored;
}

// Random enrolments of one year (2024) for the key-figures property tests: persons with several
// enrolments, open and exited ones, every completion mark.

const dayOf2024 = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);

export const keyFactsArb = (maxLength = 60) =>
  fc
    .array(
      fc.record({
        person: fc.integer({ min: 0, max: 30 }),
        gender: fc.constantFrom('woman' as const, 'man' as const, 'other' as const),
        start: fc.integer({ min: 0, max: 300 }),
        length: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
        reason: fc.constantFrom('work', 'studies', 'moved', 'interrupted', 'other_intervention'),
        completed: fc.constantFrom(true, false, null),
        birthYear: fc.integer({ min: 1960, max: 2005 }),
      }),
      { maxLength },
    )
    .map((records) =>
      records.map((f, i): KeyFact => ({
        person: String(f.person), id: `e${i}`, gender: f.gender, birthDate: null, birthYear: f.birthYear, startDate: dayOf2024(f.start),
        exitDate: f.length === null ? null : dayOf2024(f.start + f.length), exitReason: f.length === null ? null : f.reason,
        exitCompleted: f.length === null ? null : f.completed,
      })),
    );
