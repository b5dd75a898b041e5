// Cell readers shared by the three validators. Each reader returns the parsed value, null for an
// empty cell, or undefined after recording an error — so callers can skip follow-up checks
// (e.g. "exit before start") that would only repeat an error already reported.
import { codeLists, resolveCode, type CodeListName } from '../code-lists.js';
import { isIsoDate } from '../dates.js';
import { echo } from '../echo.js';
import type { RowError } from './errors.js';

export type CellReader = ReturnType<typeof cellReader>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YES = new Set(['ja', 'true']);
const NO = new Set(['nej', 'false', '']);

/** "ange woman, man, other eller Kvinna, Man, Annat/vill ej ange" — codes first, then labels. */
export function allowedValues(list: CodeListName): string {
  const entries = codeLists[list];
  return `ange ${entries.map((e) => e.code).join(', ')} eller ${entries.map((e) => e.label).join(', ')}`;
}

export function cellReader(record: Record<string, string>, row: number, errors: RowError[]) {
  const fail = (column: string, reason: string): undefined => {
    errors.push({ row, column, reason });
    return undefined;
  };
  const raw = (column: string): string => (record[column] ?? '').trim();

  const reader = {
    row,
    fail,
    raw,

    /** Free text; null when empty. */
    text(column: string): string | null {
      return raw(column) || null;
    },

    /** Free text that must be filled in; `what` names it in Swedish ("Insatsens kod"). */
    required(column: string, what: string): string | undefined {
      return raw(column) || fail(column, `${what} saknas: fyll i ${column}`);
    },

    date(column: string, what: string, required = false): string | null | undefined {
      const value = raw(column);
      if (value === '') return required ? fail(column, `${what} saknas: fyll i ${column} (ÅÅÅÅ-MM-DD)`) : null;
      if (isIsoDate(value)) return value;
      return fail(
        column,
        DATE.test(value)
          ? `${what} finns inte i kalendern: ange ett verkligt datum (ÅÅÅÅ-MM-DD)`
          : `${what} har fel format: skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2018-03-01`,
      );
    },

    /** ja/nej/true/false, any case; an empty cell means nej. */
    yesNo(column: string): boolean | undefined {
      const value = raw(column).toLowerCase();
      if (YES.has(value)) return true;
      if (NO.has(value)) return false;
      return fail(column, `Ogiltigt värde${echo(raw(column))} i ${column}: ange ja eller nej (tomt betyder nej)`);
    },

    /** ja/nej where empty means "not recorded": null. */
    yesNoOrEmpty(column: string): boolean | null | undefined {
      const value = raw(column).toLowerCase();
      if (value === '') return null;
      if (YES.has(value)) return true;
      if (NO.has(value)) return false;
      return fail(column, `Ogiltigt värde${echo(raw(column))} i ${column}: ange ja eller nej, eller lämna tomt när det inte är känt`);
    },

    /** One code or Swedish label from a code list; returns the code. */
    code(column: string, list: CodeListName, what: string, required = false): string | null | undefined {
      const value = raw(column);
      if (value === '') return required ? fail(column, `${capitalize(what)} saknas: ${allowedValues(list)}`) : null;
      return resolveCode(list, value) ?? fail(column, `${unknown(what)}${echo(value)}: ${allowedValues(list)}`);
    },

    /** One code or its Swedish label from a fixed list outside the code lists (any case); null when empty. */
    labelled<T extends string>(column: string, labels: Readonly<Record<T, string>>, what: string): T | null | undefined {
      const value = raw(column).toLowerCase();
      if (value === '') return null;
      const entries = Object.entries(labels) as [T, string][];
      const match = entries.find(([code, label]) => code === value || label.toLowerCase() === value);
      if (match) return match[0];
      const allowed = `ange ${entries.map(([code]) => code).join(', ')} eller ${entries.map(([, label]) => label).join(', ')}`;
      return fail(column, `${unknown(what)}${echo(raw(column))}: ${allowed}, eller lämna tomt`);
    },

    /** Several codes or labels separated by '|'; empty parts are ignored, duplicates merged. */
    codes(column: string, list: CodeListName, what: string): string[] | undefined {
      const parts = raw(column).split('|').map((part) => part.trim()).filter((part) => part !== '');
      const codes: string[] = [];
      let ok = true;
      for (const part of parts) {
        const code = resolveCode(list, part);
        if (code === undefined) {
          ok = false;
          fail(column, `${unknown(what)}${echo(part)}: ${allowedValues(list)} (flera åtskilda med |)`);
        } else if (!codes.includes(code)) {
          codes.push(code);
        }
      }
      return ok ? codes : undefined;
    },

    /** A choice outside the code lists (orientation, follow_up): exact codes, any case. */
    choice<T extends string>(column: string, options: readonly T[], what: string): T | undefined {
      const value = raw(column);
      const match = options.find((option) => option === value.toLowerCase());
      if (match) return match;
      const allowed = options.join(' eller ');
      return fail(
        column,
        value === '' ? `${capitalize(what)} saknas: ange ${allowed}` : `${unknown(what)}${echo(value)}: ange ${allowed}`,
      );
    },

    /** A non-negative whole number, or null when empty. */
    count(column: string, what: string): number | null | undefined {
      const value = raw(column);
      if (value === '') return null;
      const number = Number(value);
      if (/^\d+$/.test(value) && Number.isSafeInteger(number)) return number;
      return fail(
        column,
        `${capitalize(what)}${echo(value)} är inte ett heltal: ange ett heltal 0 eller större, ` +
          'utan mellanslag eller decimaler, eller lämna tomt',
      );
    },
  };
  return reader;
}

// Swedish adjectives agree with the noun: "okänt kön" but "okänd avslutsorsak".
const NEUTER_NOUNS = new Set(['kön', 'uppföljningssätt']);

function unknown(what: string): string {
  return NEUTER_NOUNS.has(what) ? `Okänt ${what}` : `Okänd ${what}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
