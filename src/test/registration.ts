// The body of POST /api/v1/enrolments for a person registered with written consent: the shape
// most tests need, with the day, gender, parties and situation before set where a test cares.
import type { genders } from '../core/code-lists.js';

type Person = { personnummer?: string; participantRef?: string; firstName: string; lastName: string };

export type RegistrationOptions = {
  startDate?: string;
  gender?: (typeof genders)[number];
  /** Parties besides the controller that the consent names. */
  partyIds?: string[];
  incomeBefore?: string[];
};

export function consentRegistration(interventionId: string, person: Person, options: RegistrationOptions = {}) {
  const { startDate = '2024-03-01', gender = 'woman', partyIds = [], incomeBefore } = options;
  return {
    mode: 'consent',
    interventionId,
    gender,
    startDate,
    person,
    consent: { givenDate: startDate, method: 'written', partyIds },
    ...(incomeBefore && { incomeBefore }),
  };
}
