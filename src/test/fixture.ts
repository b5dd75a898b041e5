import { afterAll, beforeAll } from 'vitest';
import type { App } from '../server/app.js';
import type { Config } from '../server/config.js';
import type { Db } from '../server/db/connection.js';
import { login, type Client } from './http.js';
import { testAppWith, type LogCollector } from './security.js';
import { openTestDatabase, type TestDatabase } from './test-database.js';
import { seedWorld, type World } from './world.js';

/**
 * The integration tests' one set-up. Called at the top of a test file (or a describe block), it
 * registers the beforeAll and afterAll hooks and returns an object whose fields are there once
 * those hooks have run:
 *
 *   const t = worldFixture();
 *   const kommun = t.as('kommunWorker'); // logs in on its first request
 *   it('…', async () => { expect((await kommun.get(`/api/v1/interventions/${t.world.interventions.kommunInsats}`)).status).toBe(200); });
 *
 * Hooks a file registers after this call run after it (and their afterAll before its afterAll), so
 * they can use the world and the app; hooks registered before it run first (an identity provider
 * the app's configuration names).
 */

export type UserKey = keyof World['users'];

export type DatabaseFixture = {
  readonly tdb: TestDatabase;
  readonly db: Db;
};

export type WorldFixture = DatabaseFixture & {
  readonly world: World;
  readonly app: App;
  /** A client of the seeded user: it logs in on its first request and keeps that session. One per user. */
  as: (user: UserKey) => Client;
};

export type WorldOptions = {
  /** Configuration overrides, as `testAppWith` takes them; a function is called when the app is built. */
  config?: Partial<Config> | (() => Partial<Config>);
  /** Collects the server's log (at debug level, unless `config` sets `logLevel`). */
  log?: LogCollector;
  /** false: the database and the seeded world, no app (tests of services, the CLI, the database). */
  app?: boolean;
};

/** A fresh migrated test database of this project's kind, nothing seeded. */
export function databaseFixture(): DatabaseFixture {
  let tdb: TestDatabase | undefined;
  beforeAll(async () => {
    tdb = await openTestDatabase();
  });
  afterAll(async () => {
    await tdb?.close();
  });
  return {
    get tdb() {
      return ready(tdb, 'tdb');
    },
    get db() {
      return ready(tdb, 'db').db;
    },
  };
}

/** A test database with the seeded world (`seedWorld`), the app on it, and a client per seeded user. */
export function worldFixture(options: WorldOptions = {}): WorldFixture {
  const database = databaseFixture();
  let world: World | undefined;
  let app: App | undefined;
  const clients = new Map<UserKey, Client>();
  beforeAll(async () => {
    world = await seedWorld(database.db);
    if (options.app === false) return;
    const overrides = typeof options.config === 'function' ? options.config() : options.config;
    app = await testAppWith(database.db, overrides, options.log);
  });
  afterAll(async () => {
    await app?.close();
  });
  const fixture: WorldFixture = {
    get tdb() {
      return database.tdb;
    },
    get db() {
      return database.db;
    },
    get world() {
      return ready(world, 'world');
    },
    get app() {
      return ready(app, options.app === false ? 'app (worldFixture({ app: false }) builds none)' : 'app');
    },
    as: (user) => {
      let client = clients.get(user);
      if (!client) {
        let session: Promise<Client> | undefined;
        client = lazyClient(() => {
          session ??= login(fixture.app, fixture.world.users[user].email);
          return session;
        });
        clients.set(user, client);
      }
      return client;
    },
  };
  return fixture;
}

/** A client that becomes `connect()`'s on its first request. */
function lazyClient(connect: () => Promise<Client>): Client {
  const request: Client['request'] = async (method, url, body) => (await connect()).request(method, url, body);
  return {
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
  };
}

function ready<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`test fixture: ${name} is not there (used outside a test or hook, or before worldFixture's beforeAll ran)`);
  return value;
}
