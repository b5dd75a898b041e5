import { z } from 'zod';
import { forbiddenCharacterMessage, hasForbiddenCharacter } from '../text.js';
import swedish from './messages.js';

// Every schema's built-in messages in plain Swedish, for server and web alike (messages.ts).
z.config(swedish());

export { forbiddenCharacterMessage, hasForbiddenCharacter } from '../text.js';

const isRealDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

/** A calendar date as 'YYYY-MM-DD', the only date format in forms, API and files. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ange datum som ÅÅÅÅ-MM-DD')
  .refine(isRealDate, 'Datumet finns inte i kalendern');

/** Any text value: a string without forbidden characters (core/text.ts). Every text schema starts here. */
export const text = () => z.string().refine((value) => !hasForbiddenCharacter(value), forbiddenCharacterMessage);

export const id = z.uuid({ message: 'Ogiltigt id' });
export const gender = z.enum(['woman', 'man', 'other'], { message: 'Ange kön: woman, man eller other' });
export const code = text().trim().min(1, 'Ange en kod').max(64, 'Koden är för lång');
export const shortText = (max = 200) => text().trim().max(max, `Högst ${max} tecken`);
export const percent = z.number().int().min(0, 'Ange 0–100').max(100, 'Ange 0–100');

export const idParams = z.object({ id });

export const fieldError = z.object({ path: z.string(), message: z.string() });
export const errorBody = z.object({ code: z.string(), message: z.string(), errors: z.array(fieldError) });

export const page = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ref = z.object({ id, code: z.string(), name: z.string() });
