import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { meResponse } from '../../core/schemas/auth';
import { get, post, setCsrfToken } from './api';

export type Me = z.infer<typeof meResponse>;
/** What the server lets the user reach (access/navigation-policy.ts); the app follows it and never reads roles. */
export type Can = Me['can'];

/** Who is logged in; 401 means nobody (the layout then sends the user to the login page). */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async () => {
    const me = await get<Me>('/api/v1/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  },
  staleTime: Infinity,
  retry: false,
});

export async function login(email: string, password: string): Promise<void> {
  const { csrfToken } = await post<{ csrfToken: string }>('/api/v1/auth/login', { email, password });
  setCsrfToken(csrfToken);
}

export async function logout(): Promise<void> {
  await post<void>('/api/v1/auth/logout').catch(() => undefined);
  setCsrfToken(null);
}
