import { numberOrNull, textOrNull } from '../../lib/form';

export type EnrolValues = {
  mode: string;
  interventionId: string;
  teamId: string;
  personnummer: string;
  participantRef: string;
  firstName: string;
  lastName: string;
  gender: string;
  birthYear: string;
  startDate: string;
  consentDate: string;
  consentMethod: string;
  consentDocument: string;
  partyIds: string[];
  /** Per party chosen, what the consent shares with it (plan, meetings, health). */
  categories: Record<string, string[]>;
  referrerId: string;
  incomeBefore: string[];
  occupationBefore: string;
  occupationBeforeExtent: string;
  education: string;
  supportTime: string;
  targetGroups: string[];
};

export const emptyEnrolment = (interventionId: string, today: string): EnrolValues => ({
  mode: 'consent', interventionId, teamId: '', personnummer: '', participantRef: '', firstName: '', lastName: '',
  gender: '', birthYear: '', startDate: today, consentDate: today, consentMethod: 'written', consentDocument: '', partyIds: [], categories: {},
  referrerId: '', incomeBefore: [], occupationBefore: '', occupationBeforeExtent: '', education: '', supportTime: '', targetGroups: [],
});

/** The form's values as the input of `enrolmentCreate` (the schema the server parses too). */
export function toEnrolmentInput(v: EnrolValues): unknown {
  const common = {
    mode: v.mode,
    interventionId: v.interventionId,
    teamId: textOrNull(v.teamId),
    gender: v.gender || undefined,
    birthYear: numberOrNull(v.birthYear),
    startDate: v.startDate,
  };
  if (v.mode !== 'consent') return common;
  return {
    ...common,
    person: {
      personnummer: textOrNull(v.personnummer),
      participantRef: textOrNull(v.participantRef),
      firstName: textOrNull(v.firstName),
      lastName: textOrNull(v.lastName),
    },
    consent: {
      givenDate: v.consentDate,
      method: v.consentMethod || undefined,
      documentRef: textOrNull(v.consentDocument),
      partyIds: v.partyIds,
      // Only the parties still chosen; a party left out gets plan and meetings.
      categories: Object.fromEntries(Object.entries(v.categories).filter(([id]) => v.partyIds.includes(id))),
    },
    referrerId: textOrNull(v.referrerId),
    incomeBefore: v.incomeBefore,
    occupationBefore: textOrNull(v.occupationBefore),
    occupationBeforeExtent: numberOrNull(v.occupationBeforeExtent),
    education: textOrNull(v.education),
    supportTime: textOrNull(v.supportTime),
    targetGroups: v.targetGroups,
  };
}
