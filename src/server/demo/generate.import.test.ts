// The generated data must pass the project's own import validation, which is the point of
// generating CSV-shaped rows: demo and benchmark data take the same path as a user's file.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/import/csv.js';
import { validateEnrolments, validateInterventions, validateOrganisations } from '../../core/import/rows.js';
import {
  ENROLMENT_HEADERS, generateDemoData, generateScaleData, INTERVENTION_HEADERS, ORGANISATION_HEADERS, scales, toCsv,
} from './generate.js';

describe.each([
  ['demo', () => generateDemoData()],
  ['tiny scale', () => generateScaleData(scales.tiny)],
])('%s data through the CSV import', (_name, make) => {
  const data = make();

  it('validates without a single error', () => {
    const organisations = validateOrganisations(parseCsv(toCsv(data.organisations, [...ORGANISATION_HEADERS])));
    expect(organisations.errors).toEqual([]);
    expect(organisations.rows).toHaveLength(data.organisations.length);
    const interventions = validateInterventions(parseCsv(toCsv(data.interventions, [...INTERVENTION_HEADERS])));
    expect(interventions.errors).toEqual([]);
    expect(interventions.rows).toHaveLength(data.interventions.length);
    const enrolments = validateEnrolments(parseCsv(toCsv(data.enrolments, [...ENROLMENT_HEADERS])));
    expect(enrolments.errors).toEqual([]);
    expect(enrolments.rows).toHaveLength(data.enrolments.length);
  });
});
