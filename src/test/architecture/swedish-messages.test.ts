import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildWebIfNeeded } from '../../web/build-if-needed.mjs';

// Issue 9, item 2: every validation message a person can meet is Swedish and written for people
// ("Ange ett heltal", not "förväntat int" or "Invalid input: expected int"). Three proofs: every
// shared schema (the API's and the web forms' own) answers bad input without zod's defaults; no
// source of server or web spells one; and the built web bundle holds none (vite.config.ts swaps
// zod's English locale for core/schemas/messages.ts).

/** zod's own message templates, in English and in its Swedish locale (node_modules/zod/v4/locales). */
const zodTemplates = [
  /Invalid input: expected/,
  /Invalid option: expected/,
  /Too (small|big): expected/,
  /Invalid string: must/,
  /Invalid number: must/,
  /Unrecognized key\$\{/,
  /Invalid (key|element) in/,
  /[`'"]Required[`'"]/,
  /Ogiltig inmatning/,
  /Ogiltigt val: förväntade/,
  /För (litet|stort)\(t\)/,
  /förväntat /,
];
/** And for a message or a string of ours: no English words of those templates at all. */
const zodDefaults = [
  ...zodTemplates,
  /Invalid input/,
  /\bExpected\b/,
  /\bexpected (int|number|string|array|object|boolean|nonoptional|undefined)\b/,
  /\bRequired\b/,
  /\b(Too small|Too big|Unrecognized key)/,
];
/** A message that is an issue code ("too_small") is no message for people; codes in source are fine. */
const issueCodes = /\b(too_small|too_big|invalid_type|invalid_format|invalid_value|unrecognized_keys|custom)\b/;
const leftovers = (text: string, patterns = zodDefaults) => patterns.filter((re) => re.test(text)).map(String);
/** Code without its comments (which may name the defaults they replace). */
const withoutComments = (source: string) =>
  source
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
    .join('\n');

const root = path.resolve(import.meta.dirname, '../../..');
const filesUnder = (dir: string, test: (f: string) => boolean): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full, test) : test(full) ? [full] : [];
  });

const bad: unknown[] = [undefined, null, 1.5, -1, 1e9, '', 'x', 'x'.repeat(5000), [], ['x'], {}, true, 'a\u0000b'];

async function schemasOf(file: string): Promise<[string, z.ZodType][]> {
  const module = (await import(file)) as Record<string, unknown>;
  return Object.entries(module).filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType);
}

describe('validation messages', () => {
  it('every shared schema answers bad input in Swedish, at every field', { timeout: 60_000 }, async () => {
    const files = [
      ...filesUnder(path.join(root, 'src/core/schemas'), (f) => f.endsWith('.ts') && !f.endsWith('.test.ts')),
      ...filesUnder(path.join(root, 'src/server'), (f) => f.endsWith('.schemas.ts')),
    ];
    const found: string[] = [];
    let messages = 0;
    for (const file of files) {
      for (const [name, schema] of await schemasOf(file)) {
        const inputs = [...bad];
        if (schema instanceof z.ZodObject) {
          const keys = Object.keys(schema.shape);
          for (const value of bad) inputs.push(Object.fromEntries(keys.map((k) => [k, value])));
        }
        for (const input of inputs) {
          const result = schema.safeParse(input);
          if (result.success) continue;
          for (const issue of result.error.issues) {
            messages++;
            for (const hit of [...leftovers(issue.message), ...(issueCodes.test(issue.message) ? ['issue code'] : [])]) found.push(`${path.relative(root, file)} ${name} ${issue.path.join('.')}: "${issue.message}" (${hit})`);
          }
        }
      }
    }
    expect(messages).toBeGreaterThan(500);
    expect(found).toEqual([]);
  });

  it('gives the kinds of message people meet', () => {
    const ask = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error?.issues[0]?.message;
    expect(ask(z.number().int(), 1.5)).toBe('Ange ett heltal');
    expect(ask(z.number(), 'tre')).toBe('Ange ett tal');
    expect(ask(z.object({ a: z.string() }), {})).toBe('Fyll i fältet');
    expect(ask(z.string().min(3), 'ab')).toBe('Skriv minst 3 tecken');
    expect(ask(z.number().max(100), 101)).toBe('Ange ett tal som är 100 eller mindre');
    expect(ask(z.enum(['a', 'b']), 'c')).toBe('Välj ett av alternativen');
    expect(ask(z.email(), 'nej')).toBe('Ange en e-postadress, till exempel namn@exempel.se');
    expect(ask(z.strictObject({}), { extra: 1 })).toBe('Uppgifterna innehåller fält som inte hör hit');
  });

  it('no source of server, core or web spells one of zod’s defaults', () => {
    const sources = ['src/server', 'src/core', 'src/web'].flatMap((dir) =>
      filesUnder(path.join(root, dir), (f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.test.ts')),
    );
    const found = sources.flatMap((file) =>
      (withoutComments(fs.readFileSync(file, 'utf8')).match(/'[^'\n]*'|"[^"\n]*"|`[^`]*`/g) ?? []).flatMap((literal) =>
        leftovers(literal).map((hit) => `${path.relative(root, file)}: ${literal.slice(0, 80)} (${hit})`),
      ),
    );
    expect(found).toEqual([]);
  });

  // The bundle keeps zod's and React's errors for programmers ("Invalid input to extend: expected a
  // plain object", thrown, never shown as a field message), so it is searched for the templates.
  it('the built web bundle holds none of them', { timeout: 300_000 }, async () => {
    await buildWebIfNeeded();
    const assets = path.join(root, 'dist/web/assets');
    const found = filesUnder(assets, (f) => f.endsWith('.js')).flatMap((file) =>
      leftovers(fs.readFileSync(file, 'utf8'), zodTemplates).map((hit) => `${path.basename(file)}: ${hit}`),
    );
    expect(found).toEqual([]);
  });
});
