import { z } from 'zod';
import { id } from '../../core/schemas/common.js';

// The data subject access export (GDPR art. 15), version 1. Codes as stored; the PDF shows
// their Swedish labels.

const nullableText = z.string().nullable();
const named = z.object({ code: z.string(), name: z.string() });

export const subjectAccessSchema = z.object({
  kind: z.literal('subject_access'),
  version: z.literal(1),
  generatedAt: z.string(),
  controller: z.object({ id, code: z.string(), name: z.string() }),
  person: z.object({
    id,
    participantRef: nullableText,
    personnummer: nullableText,
    firstName: nullableText,
    lastName: nullableText,
    gender: z.string(),
    birthYear: z.number().nullable(),
    protectedIdentity: z.boolean(),
    identityRemovedAt: nullableText,
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  enrolments: z.array(
    z.object({
      id,
      intervention: named,
      team: nullableText,
      referrer: named.nullable(),
      gender: z.string(),
      ageAtStart: z.number().nullable(),
      startDate: z.string(),
      exitDate: nullableText,
      exitReason: nullableText,
      exitDetail: nullableText,
      incomeBefore: z.array(z.string()),
      occupationBefore: nullableText,
      occupationBeforeExtent: z.number().nullable(),
      education: nullableText,
      supportTime: nullableText,
      targetGroups: z.array(z.string()),
      incomeAfter: z.array(z.string()),
      occupationAfter: nullableText,
      occupationAfterExtent: z.number().nullable(),
      notes: nullableText,
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
  consents: z.array(
    z.object({
      id,
      givenDate: z.string(),
      method: z.string(),
      documentRef: nullableText,
      withdrawnDate: nullableText,
      withdrawnAt: nullableText,
      parties: z.array(named.extend({ addedAt: z.string() })),
    }),
  ),
  /** Surveys sent to the person and their answers (issue 13). */
  surveys: z.array(
    z.object({
      enrolmentId: id,
      variant: z.string(),
      sentAt: z.string(),
      expiresAt: z.string(),
      answeredAt: nullableText,
      language: nullableText,
      answers: z.array(z.object({ question: z.string(), value: z.number().nullable(), choices: z.array(z.string()).nullable(), text: nullableText })),
    }),
  ),
  /** The shared case: the controller's own records in full; other parties' records only counted (theirs to disclose). */
  caseRecords: z.array(z.object({ kind: z.string(), at: z.string(), detail: nullableText, texts: z.array(z.string()) })),
  caseRecordsOfOtherParties: z.array(named.extend({ records: z.number() })),
  /**
   * Who accessed the data: organisation and role, time, action, purpose, outcome. Not the staff
   * member's name: GDPR art. 15(1)(c) and CJEU C-579/21 (employees act under the controller).
   */
  accessLog: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      entity: z.string(),
      outcome: z.string(),
      purpose: nullableText,
      organisation: named.nullable(),
      role: nullableText,
      enrolmentId: nullableText,
      protected: z.boolean(),
    }),
  ),
});

export type SubjectAccess = z.infer<typeof subjectAccessSchema>;
