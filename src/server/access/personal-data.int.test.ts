import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue, type Catalogue } from '../../test/catalogue.js';
import { databaseFixture } from '../../test/fixture.js';
import { noParticipantData, personalData, type PersonalDataTable } from './personal-data.js';

// The catalogue test of the personal-data registry (architecture guide, convention 14): every table
// of the migrated database is either declared as holding participant data, with columns that exist,
// or listed as holding none, and a table listed as holding none does not look as if it held some.

type Registry = { personalData: readonly PersonalDataTable[]; noParticipantData: Record<string, string> };

/** Column names that link a row to a participant. */
const participantLinks = ['person_id', 'enrolment_id'];

/** Column names that likely hold free text written about someone. */
const likelyFreeText = /^(notes?|comments?|description|text|answers?|body)$|_(detail|details|notes?|comments?|description|text)$/;

/** What is wrong with the registry against the catalogue: one sentence a problem, none when right. */
function registryProblems(catalogue: Catalogue, registry: Registry): string[] {
  const problems: string[] = [];
  const columnsOf = (table: string) => new Set((catalogue.get(table) ?? []).map((c) => c.column));
  const declared = new Map(registry.personalData.map((t) => [t.table, t]));
  const requireColumn = (table: string, column: string, role: string, owner = table) => {
    if (!catalogue.has(table)) problems.push(`${owner}: ${role} names table ${table}, which does not exist`);
    else if (!columnsOf(table).has(column)) problems.push(`${owner}: ${role} column ${table}.${column} does not exist`);
  };
  const requireLink = (entry: PersonalDataTable, link: PersonalDataTable['person'], role: string) => {
    if ('column' in link) requireColumn(entry.table, link.column, role);
    else {
      requireColumn(entry.table, link.via.key, `${role} key`);
      requireColumn(link.via.table, link.via.column, role, entry.table);
    }
  };

  for (const table of catalogue.keys()) {
    const inPersonal = declared.has(table);
    const inNone = Object.hasOwn(registry.noParticipantData, table);
    if (!inPersonal && !inNone) problems.push(`${table}: in neither personalData nor noParticipantData (access/personal-data.ts)`);
    if (inPersonal && inNone) problems.push(`${table}: in both personalData and noParticipantData`);
  }
  for (const table of Object.keys(registry.noParticipantData)) {
    if (!catalogue.has(table)) problems.push(`${table}: listed in noParticipantData but no such table`);
  }

  for (const entry of registry.personalData) {
    if (!catalogue.has(entry.table)) {
      problems.push(`${entry.table}: declared in personalData but no such table`);
      continue;
    }
    for (const column of entry.identity) requireColumn(entry.table, column, 'identity');
    for (const column of entry.freeText) requireColumn(entry.table, column, 'freeText');
    requireLink(entry, entry.person, 'person');
    if (entry.enrolment !== null) requireColumn(entry.table, entry.enrolment, 'enrolment');
    requireLink(entry, entry.controller, 'controller');
    // Free text nobody declared would survive identity removal.
    for (const column of columnsOf(entry.table)) {
      if (likelyFreeText.test(column) && !entry.freeText.includes(column) && !entry.identity.includes(column)) {
        problems.push(`${entry.table}: column ${column} looks like free text but is neither freeText nor identity`);
      }
    }
  }

  for (const table of Object.keys(registry.noParticipantData)) {
    for (const column of columnsOf(table)) {
      if (participantLinks.includes(column)) problems.push(`${table}: listed as holding no participant data, but has ${column}`);
      else if (likelyFreeText.test(column)) problems.push(`${table}: listed as holding no participant data, but has free-text-like ${column}`);
    }
  }
  return problems.sort();
}

const t = databaseFixture();

describe('the personal-data registry against the migrated database', () => {
  it('declares every table, with columns that exist', async () => {
    expect(registryProblems(await readCatalogue(t.db), { personalData, noParticipantData })).toEqual([]);
  });

  describe('fails', () => {
    beforeAll(async () => {
      await sql`create table scratch_unregistered (id int primary key, person_id uuid, exit_detail text, label text)`.execute(t.db);
    });
    afterAll(async () => {
      await sql`drop table scratch_unregistered`.execute(t.db);
    });

    it('on a table in neither list', async () => {
      expect(registryProblems(await readCatalogue(t.db), { personalData, noParticipantData })).toEqual([
        'scratch_unregistered: in neither personalData nor noParticipantData (access/personal-data.ts)',
      ]);
    });

    it('on a table listed as holding no participant data that links to a person or holds free text', async () => {
      const registry = { personalData, noParticipantData: { ...noParticipantData, scratch_unregistered: 'scratch' } };
      expect(registryProblems(await readCatalogue(t.db), registry)).toEqual([
        'scratch_unregistered: listed as holding no participant data, but has free-text-like exit_detail',
        'scratch_unregistered: listed as holding no participant data, but has person_id',
      ]);
    });

    it('on declared columns that do not exist, and on undeclared free text', async () => {
      const scratch: PersonalDataTable = {
        table: 'scratch_unregistered',
        person: { via: { table: 'enrolments', column: 'person_ref', key: 'enrolment_id' } },
        enrolment: 'enrolment_id',
        identity: ['first_name'],
        freeText: [],
        retention: 'last_entry',
        retentionClock: [],
        subjectAccess: null,
        controller: { column: 'controller_org_id' },
      };
      expect(registryProblems(await readCatalogue(t.db), { personalData: [...personalData, scratch], noParticipantData })).toEqual([
        'scratch_unregistered: column exit_detail looks like free text but is neither freeText nor identity',
        'scratch_unregistered: controller column scratch_unregistered.controller_org_id does not exist',
        'scratch_unregistered: enrolment column scratch_unregistered.enrolment_id does not exist',
        'scratch_unregistered: identity column scratch_unregistered.first_name does not exist',
        'scratch_unregistered: person column enrolments.person_ref does not exist',
        'scratch_unregistered: person key column scratch_unregistered.enrolment_id does not exist',
      ]);
    });
  });
});
