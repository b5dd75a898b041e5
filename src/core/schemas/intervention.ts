import { z } from 'zod';
import { code, id, isoDate, ref, shortText } from './common.js';

const interventionFields = {
  name: shortText().min(1, 'Ange ett namn'),
  startDate: isoDate,
  endDate: isoDate.nullable().default(null),
  orientation: z.enum(['individual', 'structural']).default('individual'),
  followUp: z.enum(['individual', 'count_only']).default('individual'),
  places: z.number().int().min(0).nullable().default(null),
  volumeTarget: z.number().int().min(0).nullable().default(null),
};

export const interventionCreate = z
  .object({ code, ownerId: id, associationId: id.nullable().default(null), ...interventionFields })
  .refine((v) => !v.endDate || v.endDate >= v.startDate, { path: ['endDate'], message: 'Slutdatum före startdatum' });

export const interventionUpdate = z.object({
  name: interventionFields.name.optional(),
  endDate: isoDate.nullable().optional(),
  places: z.number().int().min(0).nullable().optional(),
  volumeTarget: z.number().int().min(0).nullable().optional(),
});

export const teamView = z.object({ id, name: z.string() });
export const teamCreate = z.object({ name: shortText(100).min(1, 'Ange ett namn') });

export const interventionView = z.object({
  id,
  code: z.string(),
  name: z.string(),
  owner: ref,
  association: ref.nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  orientation: z.string(),
  followUp: z.string(),
  places: z.number().nullable(),
  volumeTarget: z.number().nullable(),
  teams: z.array(teamView),
  can: z.object({ update: z.boolean(), manageTeams: z.boolean(), enrol: z.boolean(), report: z.boolean() }),
});
