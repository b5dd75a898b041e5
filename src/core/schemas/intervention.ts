import { z } from 'zod';
import { containsPersonnummer } from '../personnummer.js';
import { code, id, isoDate, ref, shortText } from './common.js';

/** Uppföljningsmetod in the national follow-up: Stegvis, SUS or another system (docs/national-export.md). */
export const followUpMethods = ['stegvis', 'sus', 'other'] as const;
const followUpMethod = z.enum(followUpMethods, { message: 'Välj Stegvis, SUS eller annan uppföljningsmetod' });

const interventionFields = {
  name: shortText().min(1, 'Ange ett namn'),
  startDate: isoDate,
  endDate: isoDate.nullable().default(null),
  orientation: z.enum(['individual', 'structural'], { message: 'Ange individual eller structural' }).default('individual'),
  followUp: z.enum(['individual', 'count_only'], { message: 'Ange individual eller count_only' }).default('individual'),
  followUpMethod: followUpMethod.default('stegvis'),
  places: z.number().int().min(0, 'Ange 0 eller fler platser').nullable().default(null),
  volumeTarget: z.number().int().min(0, 'Ange ett mål på 0 eller mer').nullable().default(null),
};

export const interventionCreate = z
  .object({ code, ownerId: id, associationId: id.nullable().default(null), ...interventionFields })
  .refine((v) => !v.endDate || v.endDate >= v.startDate, { path: ['endDate'], message: 'Slutdatum före startdatum' });

export const interventionUpdate = z.object({
  name: interventionFields.name.optional(),
  endDate: isoDate.nullable().optional(),
  places: z.number().int().min(0, 'Ange 0 eller fler platser').nullable().optional(),
  volumeTarget: z.number().int().min(0, 'Ange ett mål på 0 eller mer').nullable().optional(),
  followUpMethod: followUpMethod.optional(),
});

export const teamView = z.object({ id, name: z.string() });
/** Team names are shown to aggregate roles next to figures: never a person's number. */
export const teamCreate = z.object({
  name: shortText(100)
    .min(1, 'Ange ett namn')
    .refine((name) => !containsPersonnummer(name), 'Ett teamnamn får inte innehålla ett personnummer eller samordningsnummer. Ge teamet ett annat namn.'),
});
export const teamList = z.object({ items: z.array(teamView) });

export const year = z.coerce
  .number({ message: 'Ange ett årtal' })
  .int('Ange ett helt årtal')
  .min(2000, 'Ange ett år från 2000')
  .max(2100, 'Ange ett år till och med 2100');

/** A yearly volume target; it overrides the standing volumeTarget for that year. */
export const volumeTargetView = z.object({ year: z.number(), target: z.number() });
export const volumeTargetParams = z.object({ id, year });
export const volumeTargetInput = z.object({ target: z.number().int().min(0, 'Ange ett mål på 0 eller mer').max(1_000_000) });

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
  followUpMethod: z.string(),
  places: z.number().nullable(),
  volumeTarget: z.number().nullable(),
  volumeTargets: z.array(volumeTargetView),
  teams: z.array(teamView),
  can: z.object({ update: z.boolean(), manageTeams: z.boolean(), enrol: z.boolean(), report: z.boolean(), drillDown: z.boolean() }),
});

export const interventionList = z.object({ items: z.array(interventionView) });
