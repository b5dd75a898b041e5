import { z } from 'zod';
import { parsePersonnummer } from '../personnummer.js';
import { code, gender, id, isoDate, percent, ref, shortText, text } from './common.js';

const codeArray = z.array(code).max(20).default([]);

const intakeFields = {
  referrerId: id.nullable().default(null),
  incomeBefore: codeArray,
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
  }),
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
  incomeBefore: z.array(code).max(20).optional(),
  occupationBefore: code.nullable().optional(),
  occupationBeforeExtent: percent.nullable().optional(),
  education: code.nullable().optional(),
  supportTime: code.nullable().optional(),
  targetGroups: z.array(code).max(20).optional(),
  notes: shortText(4000).nullable().optional(),
});

export const enrolmentExit = z.object({
  exitDate: isoDate,
  exitReason: code,
  exitDetail: shortText(200).nullable().default(null),
  incomeAfter: codeArray,
  occupationAfter: code.nullable().default(null),
  occupationAfterExtent: percent.nullable().default(null),
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
  parties: z.array(ref),
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
  incomeAfter: z.array(z.string()),
  occupationAfter: z.string().nullable(),
  occupationAfterExtent: z.number().nullable(),
  notes: z.string().nullable(),
  consent: consentView.nullable(),
  /** What the API lets the reader do to this enrolment (access/enrolment-policy.ts). */
  can: z.object({ update: z.boolean(), exit: z.boolean(), manageConsent: z.boolean(), protect: z.boolean() }),
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
