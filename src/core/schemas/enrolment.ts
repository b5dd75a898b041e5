import { z } from 'zod';
import { parsePersonnummer } from '../personnummer.js';
import { code, gender, id, isoDate, percent, ref, shortText, text } from './common.js';
import { caseCategory, partyCategories } from './case.js';

const codeArray = z.array(code).max(20).default([]);

/** The income-source code meaning "Uppgift saknas" (core/code-lists.ts). */
export const INCOME_UNKNOWN = 'unknown';
export const incomeUnknownMessage = '”Uppgift saknas” kan inte väljas tillsammans med andra försörjningskällor';
/** Income sources: several may apply, but "Uppgift saknas" only alone. */
const incomeSources = z
  .array(code)
  .max(20)
  .refine((codes) => !(codes.includes(INCOME_UNKNOWN) && codes.length > 1), incomeUnknownMessage);
export const birthYearMessage = 'Födelseåret stämmer inte med personnumret. Rätta något av dem, eller lämna födelseåret tomt.';

const intakeFields = {
  referrerId: id.nullable().default(null),
  incomeBefore: incomeSources.default([]),
  occupationBefore: code.nullable().default(null),
  occupationBeforeExtent: percent.nullable().default(null),
  education: code.nullable().default(null),
  supportTime: code.nullable().default(null),
  targetGroups: codeArray,
};

export const personnummer = text()
  .trim()
  .refine((value) => parsePersonnummer(value) !== null, 'Ogiltigt person- eller samordningsnummer (kontrollsiffran stämmer inte)');

export const consentInput = z.object({
  givenDate: isoDate,
  method: z.enum(['written', 'oral_documented'], { message: 'Ange skriftligt eller dokumenterat muntligt samtycke' }),
  documentRef: shortText(200).nullable().default(null),
  /** The other parties the consent names; the controlling organisation is always covered. */
  partyIds: z.array(id).max(20).default([]),
  /** Per party the categories of the case it shares (plan, meetings, health); left out: plan and meetings. */
  categories: partyCategories,
});

/**
 * Enrolment with consent stores identity; without consent, or for a person with protected
 * identity, only an anonymous head count is stored (domain.md, data-protection model 5).
 */
export const enrolmentCreate = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('consent'),
    interventionId: id,
    teamId: id.nullable().default(null),
    person: z
      .object({
        personnummer: personnummer.nullable().default(null),
        participantRef: shortText(64).min(1).nullable().default(null),
        firstName: shortText(100).nullable().default(null),
        lastName: shortText(100).nullable().default(null),
      })
      .refine((p) => p.personnummer || p.participantRef, {
        path: ['personnummer'],
        message: 'Ange personnummer eller en egen referens',
      }),
    gender,
    birthYear: z.number().int().min(1900).max(2100).nullable().default(null),
    startDate: isoDate,
    consent: consentInput,
    ...intakeFields,
  })
    // A birth year that contradicts the personnummer is an error, never silently replaced.
    .refine(
      (v) => {
        const pnr = v.person.personnummer ? parsePersonnummer(v.person.personnummer) : null;
        return !pnr || v.birthYear === null || Number(pnr.birthDate.slice(0, 4)) === v.birthYear;
      },
      { path: ['birthYear'], message: birthYearMessage },
    ),
  z.object({
    mode: z.enum(['anonymous', 'protected']),
    interventionId: id,
    teamId: id.nullable().default(null),
    gender,
    birthYear: z.number().int().min(1900).max(2100).nullable().default(null),
    startDate: isoDate,
  }),
]);
export type EnrolmentCreate = z.infer<typeof enrolmentCreate>;

export const enrolmentUpdate = z.object({
  teamId: id.nullable().optional(),
  firstName: shortText(100).nullable().optional(),
  lastName: shortText(100).nullable().optional(),
  referrerId: id.nullable().optional(),
  incomeBefore: incomeSources.optional(),
  occupationBefore: code.nullable().optional(),
  occupationBeforeExtent: percent.nullable().optional(),
  education: code.nullable().optional(),
  supportTime: code.nullable().optional(),
  targetGroups: z.array(code).max(20).optional(),
  notes: shortText(4000).nullable().optional(),
  // Corrections of the dates and of the exit (issue 9): the exit fields only of an exited enrolment.
  startDate: isoDate.optional(),
  exitDate: isoDate.optional(),
  exitReason: code.optional(),
  exitDetail: shortText(200).nullable().optional(),
  exitCompleted: z.boolean().nullable().optional(),
  incomeAfter: incomeSources.optional(),
  occupationAfter: code.nullable().optional(),
  occupationAfterExtent: percent.nullable().optional(),
});

export const enrolmentExit = z.object({
  exitDate: isoDate,
  exitReason: code,
  exitDetail: shortText(200).nullable().default(null),
  /** The planned activity was completed (fullföljd) or not (avbruten); null = not recorded. */
  exitCompleted: z.boolean().nullable().default(null),
  incomeAfter: incomeSources.default([]),
  occupationAfter: code.nullable().default(null),
  occupationAfterExtent: percent.nullable().default(null),
});

/** A value a revision shows old → new: a code, a date, an id, a number, yes/no or a list of codes. */
const revisionValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

/** One revision of an enrolment, as the participant's page lists it ("Historik"). */
export const revisionView = z.object({
  id,
  kind: z.enum(['correction', 'exit', 'reopen']),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  organisation: z.string().nullable(),
  /** `from`/`to` are null with `valuesShown: false` for names and free text: only that they changed. */
  changes: z.array(z.object({ field: z.string(), from: revisionValue, to: revisionValue, valuesShown: z.boolean() })),
});

export const enrolmentListQuery = z.object({
  interventionId: id.optional(),
  teamId: id.optional(),
  status: z.enum(['active', 'exited', 'all']).default('all'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** Searching by name or personnummer is a POST: personal data never goes in a URL. */
export const enrolmentSearch = enrolmentListQuery.extend({
  q: text().trim().min(2, 'Skriv minst två tecken').max(100),
});

export const consentView = z.object({
  id,
  givenDate: z.string(),
  method: z.string(),
  documentRef: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  parties: z.array(ref.extend({ categories: z.array(caseCategory) })),
});

export const enrolmentSummary = z.object({
  id,
  personId: id,
  participantRef: z.string().nullable(),
  name: z.string().nullable(),
  gender: z.string(),
  intervention: ref,
  team: z.object({ id, name: z.string() }).nullable(),
  startDate: z.string(),
  exitDate: z.string().nullable(),
  exitReason: z.string().nullable(),
});

export const enrolmentView = enrolmentSummary.extend({
  person: z.object({
    id,
    participantRef: z.string().nullable(),
    personnummer: z.string().nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    gender: z.string(),
    birthYear: z.number().nullable(),
    identityRemoved: z.boolean(),
  }),
  controller: ref,
  ageAtStart: z.number().nullable(),
  referrer: ref.nullable(),
  incomeBefore: z.array(z.string()),
  occupationBefore: z.string().nullable(),
  occupationBeforeExtent: z.number().nullable(),
  education: z.string().nullable(),
  supportTime: z.string().nullable(),
  targetGroups: z.array(z.string()),
  exitDetail: z.string().nullable(),
  exitCompleted: z.boolean().nullable(),
  incomeAfter: z.array(z.string()),
  occupationAfter: z.string().nullable(),
  occupationAfterExtent: z.number().nullable(),
  notes: z.string().nullable(),
  consent: consentView.nullable(),
  /** What the API lets the reader do to this enrolment (access/enrolment-policy.ts). */
  can: z.object({
    update: z.boolean(),
    exit: z.boolean(),
    manageConsent: z.boolean(),
    protect: z.boolean(),
    correct: z.boolean(),
    reopen: z.boolean(),
  }),
  /** Every correction, exit and reopening, newest first. */
  history: z.array(revisionView),
});

export const anonymousCreate = z.object({
  interventionId: id,
  teamId: id.nullable().default(null),
  year: z.number().int().min(2000).max(2100),
  gender,
  count: z.number().int().min(1).max(10000).default(1),
});

export const anonymousView = z.object({
  id,
  interventionId: id,
  teamId: id.nullable(),
  year: z.number(),
  gender: z.string(),
  count: z.number(),
});
