/**
 * Deterministic demo and benchmark data in the shape the CSV import accepts (domain.md, "CSV
 * import"), so demo and benchmark data go through the project's own import path. Pure: no I/O,
 * no clock, no Math.random — the same seed gives the same rows.
 */
export type { GeneratedData, RawRecord } from './types.js';
export { generateDemoData, DEMO_ASSOCIATION, DEMO_REGISTRATION_ERRORS, DEMO_TODAY } from './demo.js';
export {
  generateScaleData, generateScaleEnrolments, scaleMasterData, scales, type ScaleOptions,
} from './scale.js';
export { csvLine, ENROLMENT_HEADERS, INTERVENTION_HEADERS, ORGANISATION_HEADERS, toCsv } from './csv.js';
export { luhnCheckDigit } from './personnummer.js';
export { mulberry32 } from './prng.js';
