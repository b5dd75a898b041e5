import { z } from 'zod';
import { code, id, shortText, text } from './common.js';

// The förbund's workplace register (issue 10, item 5): no participant data in the register itself.

const orgNumber = text()
  .trim()
  .regex(/^\d{6}-\d{4}$/, 'Ange organisationsnummer som NNNNNN-NNNN');

export const supervisorInput = z.object({
  id: id.optional(),
  name: shortText(200).min(1, 'Ange handledarens namn'),
  phone: shortText(40).nullable().default(null),
  email: shortText(200).nullable().default(null),
});

export const workplaceInput = z.object({
  associationId: id,
  name: shortText(200).min(1, 'Ange arbetsplatsens namn'),
  sector: code.nullable().default(null),
  orgNumber: orgNumber.nullable().default(null),
  address: shortText(300).nullable().default(null),
  supervisors: z.array(supervisorInput).max(50).default([]),
  places: z
    .array(z.object({ activityType: code, places: z.number().int('Ange ett heltal').min(0, 'Ange 0 eller fler').max(10000) }))
    .max(20)
    .default([]),
});

/** One placement at the workplace, shown only when the viewer may see the activity. */
export const placementView = z.object({
  activityId: id,
  enrolmentId: id,
  participant: z.string(),
  activityType: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
});

export const workplaceSummary = z.object({
  id,
  association: z.object({ id, name: z.string() }),
  name: z.string(),
  sector: z.string().nullable(),
  orgNumber: z.string().nullable(),
  address: z.string().nullable(),
  places: z.array(z.object({ activityType: z.string(), places: z.number() })),
});

export const workplaceView = workplaceSummary.extend({
  supervisors: z.array(z.object({ id, name: z.string(), phone: z.string().nullable(), email: z.string().nullable() })),
  placedNow: z.array(placementView),
  queued: z.array(placementView),
  can: z.object({ update: z.boolean() }),
});

export const workplaceList = z.object({ items: z.array(workplaceSummary), can: z.object({ create: z.boolean() }) });

export const workplaceListQuery = z.object({ search: shortText(100).optional() });
