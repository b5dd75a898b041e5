// Fault suite (issue 11, item 4): a fuzzer that walks the OpenAPI document and sends every
// operation generated inputs, valid and invalid (wrong types, huge strings, deep nesting, NUL and
// right-to-left characters, invalid dates, boundary numbers), as a signed-in case worker and as
// an organisation administrator. Never a 5xx; an answer of 4xx changes nothing (a checksum of
// every table but the audit trail, sessions and login counters, before and after). FUZZ_CASES
// sets the inputs per operation (CI: 12; `bench/faults-long.ts` sends 200).
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { worldFixture } from '../src/test/fixture.js';
import type { Client } from '../src/test/http.js';

const casesPerOperation = Number(process.env.FUZZ_CASES ?? 12);
// Seeded, so a CI run is reproducible; FUZZ_SEED explores other inputs (bench/ runs it longer).
const seed = Number(process.env.FUZZ_SEED ?? 20261128);
const t = worldFixture();

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[]; format?: string; anyOf?: Schema[]; oneOf?: Schema[] };
type Operation = { method: string; path: string; parameters?: { name: string; in: string; schema?: Schema }[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };

// Operations that end the caller's own session or leave for another site: they would only stop the walk.
const skipped = /\/auth\/(logout|oidc)/;

const nasty = fc.constantFrom(
  '', ' ', 'a'.repeat(100_000), 'x\u0000y', '\u202Eevil\u202C', '2024-02-30', '2024-13-01', '0000-00-00', '9999-12-31',
  '19900101-0017', "'; drop table persons; --", '<script>alert(1)</script>', '../../etc/passwd', '%00', '\uFFFD', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '00000000-0000-0000-0000-000000000000', 'not-a-uuid', '-1', '1e308', 'NaN', 'null', 'true', '{}', '[]',
);
const boundary = fc.constantFrom(0, -1, 1, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 0.5);
const deep = fc.nat({ max: 3 }).map((n) => {
  let value: unknown = 'botten';
  for (let i = 0; i < [1, 10, 100, 1000][n]; i++) value = [value];
  return value;
});
const anything = fc.oneof(nasty, boundary, deep, fc.constant(null), fc.boolean(), fc.array(nasty, { maxLength: 3 }), fc.dictionary(nasty, nasty, { maxKeys: 3 }));

/** Mostly schema-shaped values (so some inputs get past validation), often something else. */
function valueFor(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return anything;
  const variants = schema.anyOf ?? schema.oneOf;
  const shaped: fc.Arbitrary<unknown> = variants
    ? fc.oneof(...variants.map((v) => valueFor(v, depth + 1)))
    : schema.enum
      ? fc.constantFrom(...schema.enum)
      : schema.properties
        ? fc.record(Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, valueFor(v, depth + 1)])), { requiredKeys: [] })
        : schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'))
          ? fc.array(valueFor(schema.items, depth + 1), { maxLength: 3 })
          : schema.type === 'integer' || schema.type === 'number'
            ? fc.oneof(boundary, fc.integer({ min: 0, max: 2100 }))
            : schema.type === 'boolean'
              ? fc.boolean()
              : schema.format === 'uuid'
                ? fc.oneof(fc.uuid(), nasty)
                : schema.format === 'date'
                  ? fc.oneof(fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), nasty)
                  : fc.oneof(fc.string({ maxLength: 20 }), nasty);
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: anything });
}

/** Every table but those a refused request may still write (its audit row, the session's use, login counters). */
async function checksum(): Promise<string> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
      and table_name not in ('audit_events', 'audit_seals', 'sessions', 'login_attempts', 'kysely_migration', 'kysely_migration_lock')
    order by table_name`.execute(t.db);
  const parts = tables.rows.map((r) => `(select coalesce(md5(string_agg(x::text, '|' order by x::text)), '') from "${r.name}" x)`);
  const { rows } = await sql<{ sum: string }>`select md5(${sql.raw(parts.join(" || '/' || "))}) as sum`.execute(t.db);
  return rows[0].sum;
}

function operations(document: { paths: Record<string, Record<string, Operation>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({ ...op, method: method.toUpperCase(), path })),
  );
}

const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');

function requestFor(op: Operation, values: { path: Record<string, unknown>; query: Record<string, unknown>; body: unknown }) {
  const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(asText(values.path[name] ?? 'x')));
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(values.query)) if (v !== undefined) query.set(k, asText(v));
  return { url: query.size ? `${url}?${query}` : url, body: values.body };
}

describe('the OpenAPI fuzzer', () => {
  for (const user of ['kommunWorker', 'orgAdmin'] as const) {
    // 1.5–2.5 s a case over every operation on this machine (the CI's 12 take half a minute).
    it(`never answers 5xx, and a 4xx changes nothing (${user})`, { timeout: 120_000 + casesPerOperation * 10_000 }, async () => {
      const client: Client = t.as(user);
      const document = (await t.app.inject({ url: '/api/docs/json' })).json();
      const ops = operations(document).filter((op) => !skipped.test(op.path));
      expect(ops.length).toBeGreaterThan(20);
      const failures: string[] = [];
      // Taken again only after an answer that may have changed something.
      let current = await checksum();
      for (const op of ops) {
        const params = op.parameters ?? [];
        const arbitrary = fc.record({
          path: fc.record(Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, valueFor(p.schema)]))),
          query: fc.record(Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, valueFor(p.schema)])), { requiredKeys: [] }),
          body: valueFor(op.requestBody?.content?.['application/json']?.schema),
        });
        for (const values of fc.sample(arbitrary, { numRuns: casesPerOperation, seed })) {
          const { url, body } = requestFor(op, values);
          const response = await client.request(op.method as never, url, ['GET', 'DELETE'].includes(op.method) ? undefined : body);
          if (response.status >= 500) failures.push(`${op.method} ${op.path}: ${response.status}`);
          const after = await checksum();
          if (response.status >= 400 && after !== current) failures.push(`${op.method} ${op.path}: ${response.status} changed data`);
          current = after;
        }
      }
      console.info(`${user}: ${ops.length} operations × ${casesPerOperation} inputs`);
      expect(failures).toEqual([]);
    });
  }
});
