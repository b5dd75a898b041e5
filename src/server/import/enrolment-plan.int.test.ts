import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/import/csv.js';
import { validateEnrolments } from '../../core/import/rows.js';
import { worldFixture } from '../../test/fixture.js';
import { systemScope } from '../access/data-scope.js';
import { loadCodeValidity, loadEnrolmentLookups } from './enrolment-lookups.repository.js';
import { planEnrolments, type PlanSlice } from './enrolment-plan.js';

const header =
  'intervention,team,participant_ref,personnummer,first_name,last_name,gender,birth_year,anonymous,consent,protected_identity,start_date,referrer,income_before,occupation_before,education,exit_date,exit_reason,income_after,occupation_after';
const row = (ref: string, firstName: string, start: string) => `KOMMUNINSATS,Team Plan,${ref},,${firstName},,woman,1990,nej,ja,nej,${start},AF,salary,,,,,,`;
const file = (...rows: string[]) => `${header}\n${rows.join('\n')}\n`;

const t = worldFixture({ app: false });
const scope = systemScope('cli_import');

async function plan(text: string, early?: (slice: PlanSlice) => Promise<void>) {
  const { rows, errors } = validateEnrolments(parseCsv(text));
  expect(errors).toEqual([]);
  return planEnrolments(rows, await loadEnrolmentLookups(t.db, rows, scope), await loadCodeValidity(t.db), scope, early, 2);
}

describe('planning an enrolments file in slices', () => {
  const text = file(row('PLAN-1', '', '2024-02-01'), row('PLAN-2', '', '2024-02-01'), row('PLAN-1', 'Signe', '2024-03-01'));

  it('hands out each new team, person and enrolment once, and writes a person again when a later row completes them', async () => {
    const slices: { teams: string[]; persons: [string | null, string | null][]; enrolments: number }[] = [];
    const planned = await plan(text, async (slice) => {
      slices.push({
        teams: slice.newTeams.map((team) => team.name),
        persons: slice.newPersons.map((p) => [p.participant_ref, p.first_name]),
        enrolments: slice.inserts.length,
      });
    });
    expect(slices).toEqual([{ teams: ['Team Plan'], persons: [['PLAN-1', null], ['PLAN-2', null]], enrolments: 2 }]);
    expect(planned.newTeams).toEqual([]);
    expect(planned.newPersons).toEqual([]);
    expect(planned.inserts).toHaveLength(1);
    expect(planned.changedPersons.map((p) => [p.participant_ref, p.first_name])).toEqual([['PLAN-1', 'Signe']]);
    // Only persons that existed before the file are audited as changed.
    expect(planned.audit.filter((entry) => entry.entity === 'person')).toEqual([]);
  });

  it('without early writes, returns everything to write at the end, as before', async () => {
    const planned = await plan(text);
    expect(planned.newTeams.map((team) => team.name)).toEqual(['Team Plan']);
    expect(planned.newPersons.map((p) => [p.participant_ref, p.first_name])).toEqual([['PLAN-1', 'Signe'], ['PLAN-2', null]]);
    expect(planned.inserts).toHaveLength(3);
    expect(planned.changedPersons).toEqual([]);
  });

  it('stops handing out slices at the first error', async () => {
    const slices: PlanSlice[] = [];
    // The database's checks, not the file's: an intervention that does not exist.
    const unknown = row('PLAN-4', '', '2024-02-01').replace('KOMMUNINSATS', 'OKAND');
    const planned = await plan(file(row('PLAN-3', '', '2024-02-01'), unknown, row('PLAN-5', '', '2024-02-01'), row('PLAN-6', '', '2024-02-01')), async (slice) => {
      slices.push(slice);
    });
    expect(planned.errors).not.toEqual([]);
    expect(slices).toEqual([]);
  });
});
