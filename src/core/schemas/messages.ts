import type { z } from 'zod';

// zod's own messages ("Invalid input: expected string", or its Swedish locale's "förväntat int")
// are written for programmers. Every schema message the user can meet is written here instead, for
// people, and installed once for server and web (common.ts calls `z.config(swedish())` at import; the
// web build also puts this module in place of zod's English locale, vite.config.ts, so the English
// defaults are not even shipped). A schema's own message (`.min(1, 'Ange en kod')`) still wins.

type Issue = Parameters<z.core.$ZodErrorMap>[0];

const typeMessage: Record<string, string> = {
  int: 'Ange ett heltal',
  number: 'Ange ett tal',
  bigint: 'Ange ett heltal',
  string: 'Skriv en text',
  boolean: 'Välj ja eller nej',
  array: 'Välj ett eller flera alternativ',
  object: 'Uppgifterna saknas eller har fel form',
  date: 'Ange ett datum som ÅÅÅÅ-MM-DD',
};

const formatMessage: Record<string, string> = {
  email: 'Ange en e-postadress, till exempel namn@exempel.se',
  uuid: 'Ogiltigt id',
  guid: 'Ogiltigt id',
  url: 'Ange en webbadress som börjar med https://',
  date: 'Ange datum som ÅÅÅÅ-MM-DD',
  datetime: 'Ange datum och tid',
  time: 'Ange en tid som TT:MM',
};

const count = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

/** The Swedish, human message of one validation problem. */
export function swedishMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Fyll i fältet';
      if (issue.expected === 'number' && typeof issue.input === 'number') return 'Ange ett tal';
      return typeMessage[issue.expected] ?? 'Värdet har fel form';
    case 'too_small': {
      const min = issue.minimum as number | bigint;
      if (issue.origin === 'string') return Number(min) <= 1 ? 'Fyll i fältet' : `Skriv minst ${count(min, 'tecken', 'tecken')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return Number(min) <= 1 ? 'Välj minst ett alternativ' : `Välj minst ${min}`;
      if (issue.origin === 'date') return 'Datumet är för tidigt';
      return issue.inclusive === false ? `Ange ett tal större än ${min}` : `Ange ett tal som är ${min} eller större`;
    }
    case 'too_big': {
      const max = issue.maximum as number | bigint;
      if (issue.origin === 'string') return `Högst ${count(max, 'tecken', 'tecken')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Välj högst ${max}`;
      if (issue.origin === 'date') return 'Datumet är för sent';
      return issue.inclusive === false ? `Ange ett tal mindre än ${max}` : `Ange ett tal som är ${max} eller mindre`;
    }
    case 'invalid_format':
      return formatMessage[issue.format] ?? 'Värdet har fel form';
    case 'not_multiple_of':
      return `Ange en multipel av ${issue.divisor}`;
    case 'unrecognized_keys':
      // Never the keys themselves: what a client sent is not repeated (core/echo.ts).
      return 'Uppgifterna innehåller fält som inte hör hit';
    case 'invalid_value':
    case 'invalid_union':
      return 'Välj ett av alternativen';
    default:
      return 'Ogiltigt värde';
  }
}

/** In the shape of a zod locale (`z.config(swedish())`). */
export default function swedish(): { localeError: z.core.$ZodErrorMap } {
  return { localeError: (issue) => swedishMessage(issue) };
}
