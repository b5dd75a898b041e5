import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../server/app.js';
import { testPassword } from './world.js';

/** A download as the browser makes it, logged in as `email`: the raw bytes and headers. */
export async function download(app: App, email: string, url: string): Promise<LightMyRequestResponse> {
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: testPassword } });
  const cookie = `stegvis_session=${login.cookies.find((c) => c.name === 'stegvis_session')!.value}`;
  return app.inject({ method: 'GET', url, headers: { cookie } });
}
