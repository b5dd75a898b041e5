// The people of the test world (src/test/world.ts) that the journeys log in as.
export { testPassword as password } from '../../src/test/world.js';

export const users = {
  caseWorker: 'handlaggare@kommun.test',
  afCaseWorker: 'handlaggare@af.test',
  teamBWorker: 'teamb@kommun.test',
  lead: 'ledare@kommun.test',
  associationAdmin: 'forbund@forbund.test',
  reportReader: 'styrelse@forbund.test',
  orgAdmin: 'admin@kommun.test',
  logReviewer: 'logg@kommun.test',
  systemAdmin: 'system@forbund.test',
} as const;
