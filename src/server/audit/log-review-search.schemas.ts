import { z } from 'zod';
import { id, text } from '../../core/schemas/common.js';

// Finding whom to review (loggkontroll). The search text travels in a POST body, never in a URL.

export const personSearchBody = z.object({
  q: text()
    .trim()
    .min(2, 'Skriv ett personnummer eller minst två tecken av ett namn')
    .max(100, 'Högst 100 tecken'),
});

export const personHit = z.object({
  id,
  personnummer: z.string().nullable(),
  name: z.string().nullable(),
  participantRef: z.string().nullable(),
});

export const personSearchResult = z.object({
  items: z.array(personHit),
  /** True when there were more hits than shown: the reviewer should narrow the search. */
  more: z.boolean(),
});

export const reviewableUser = z.object({
  id,
  name: z.string(),
  email: z.string(),
  organisation: z.object({ code: z.string(), name: z.string() }),
});

export const reviewableUserList = z.object({ items: z.array(reviewableUser) });
