import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm test` runs `npm run lint` (Biome and dependency-cruiser on the tree). These tests prove that
// both fail on a violation: the same configuration on small fixture trees that break each rule.

const root = path.resolve(import.meta.dirname, '../../..');
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

let fixture: string;
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(fixture, file)), { recursive: true });
  fs.writeFileSync(path.join(fixture, file), text);
};

beforeAll(() => {
  fixture = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-lint-'));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(fixture, 'node_modules'), 'dir');
});
afterAll(() => {
  if (fixture) fs.rmSync(fixture, { recursive: true, force: true });
});

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  let violations: IViolation[];
  let ruleNames: string[];

  beforeAll(async () => {
    fs.copyFileSync(path.join(root, 'tsconfig.json'), path.join(fixture, 'tsconfig.json'));
    fs.copyFileSync(path.join(root, 'package.json'), path.join(fixture, 'package.json'));
    write('src/core/pure.ts', "import { z } from 'zod';\nimport { other } from './other.js';\nexport const name = z.string().max(other);\n");
    write('src/core/other.ts', 'export const other = 10;\n');
    write(
      'src/core/leaks.ts',
      "import fs from 'node:fs';\nimport pg from 'pg';\nimport { service } from '../server/feature/feature.service.js';\nexport const leak = [fs, pg, service];\n",
    );
    write(
      'src/server/feature/feature.routes.ts',
      "import { sql } from 'kysely';\nimport type { Db } from '../db/connection.js';\nimport { findAll } from './feature.repository.js';\nimport { service } from './feature.service.js';\nexport const routes = (db: Db) => [sql, findAll, service, db];\n",
    );
    write('src/server/feature/feature.repository.ts', 'export const findAll = () => [];\n');
    write('src/server/feature/feature.service.ts', "import { world } from '../../test/world.js';\nexport const service = () => world;\n");
    write('src/server/feature/feature.test.ts', "import { world } from '../../test/world.js';\nimport { service } from './feature.service.js';\nexport const t = [world, service];\n");
    write('src/server/db/connection.ts', 'export type Db = { query: () => void };\n');
    write('src/test/world.ts', 'export const world = {};\n');
    write('src/web/page.ts', "import { service } from '../server/feature/feature.service.js';\nexport const page = service;\n");
    write('src/server/ping.ts', "import { pong } from './pong.js';\nexport const ping = () => pong;\n");
    write('src/server/pong.ts', "import { ping } from './ping.js';\nexport const pong = () => ping;\n");
    write('src/server/lost.ts', "import { nowhere } from './nowhere.js';\nexport const lost = nowhere;\n");

    const options = await extractDepcruiseOptions(path.join(root, '.dependency-cruiser.cjs'));
    ruleNames = (options.ruleSet?.forbidden ?? []).map((rule) => rule.name ?? '');
    const { output } = await cruise(['src'], { ...options, baseDir: fixture }, {}, { tsConfig: extractTSConfig(path.join(fixture, 'tsconfig.json')) });
    violations = (output as ICruiseResult).summary.violations;
  });

  const found = () =>
    violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to.replace(/^node_modules\/(@types\/)?([^/]+)\/.*$/, '$2')}`).sort();

  it('fails on a breach of each rule', () => {
    expect(found()).toEqual(
      expect.arrayContaining([
        'core-is-pure: src/core/leaks.ts → src/server/feature/feature.service.ts',
        'core-no-node-builtins: src/core/leaks.ts → fs',
        'core-only-pure-packages: src/core/leaks.ts → pg',
        'routes-not-database: src/server/feature/feature.routes.ts → kysely',
        'routes-not-database: src/server/feature/feature.routes.ts → src/server/db/connection.ts',
        'routes-not-database: src/server/feature/feature.routes.ts → src/server/feature/feature.repository.ts',
        'no-test-code-outside-tests: src/server/feature/feature.service.ts → src/test/world.ts',
        'web-not-server-or-cli: src/web/page.ts → src/server/feature/feature.service.ts',
        'resolvable: src/server/lost.ts → ./nowhere.js',
      ]),
    );
    expect(found().filter((line) => line.startsWith('no-circular:')).length).toBeGreaterThan(0);
    expect(new Set(violations.map((v) => v.rule.name))).toEqual(new Set(ruleNames));
    expect(violations.every((v) => v.rule.severity === 'error')).toBe(true);
  });

  it('allows what the layers allow', () => {
    const allowed = ['src/core/pure.ts', 'src/core/other.ts', 'src/server/feature/feature.test.ts', 'src/server/feature/feature.repository.ts'];
    expect(violations.filter((v) => allowed.includes(v.from))).toEqual([]);
    expect(found().filter((line) => line.includes('feature.routes.ts → src/server/feature/feature.service.ts'))).toEqual([]);
  });
});

describe('Biome (biome.jsonc), with the arguments of `npm run lint:code`', () => {
  const run = async (file: string, text: string) => {
    fs.copyFileSync(path.join(root, 'biome.jsonc'), path.join(fixture, 'biome.jsonc'));
    write(file, text);
    const args = packageJson.scripts['lint:code'].split(/\s+/);
    expect(args.slice(0, 2)).toEqual(['biome', 'lint']);
    const bin = path.join(root, 'node_modules/.bin/biome');
    try {
      await promisify(execFile)(bin, [...args.slice(1), '--vcs-enabled=false', '--reporter=json', file], { cwd: fixture });
      return { failed: false, rules: [] as string[] };
    } catch (error) {
      const { stdout } = error as { stdout: string };
      const report = JSON.parse(stdout) as { diagnostics: { category: string }[] };
      return { failed: true, rules: report.diagnostics.map((d) => d.category) };
    }
  };

  it('fails on a lint error', async () => {
    expect(await run('src/core/assign.ts', 'export function f(a: number) {\n  let x = 0;\n  if ((x = a)) return x;\n  return 0;\n}\n')).toEqual({
      failed: true,
      rules: ['lint/suspicious/noAssignInExpressions'],
    });
  });

  it('fails on a warning too', async () => {
    expect(await run('src/web/unused.ts', "import { useState } from 'react';\nexport const n = 1;\n")).toEqual({
      failed: true,
      rules: ['lint/correctness/noUnusedImports'],
    });
  });

  it('passes clean code', async () => {
    expect(await run('src/core/clean.ts', 'export const twice = (n: number) => n * 2;\n')).toEqual({ failed: false, rules: [] });
  });
});
