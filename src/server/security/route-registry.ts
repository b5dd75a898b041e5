import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

export type RegisteredRoute = { method: string; url: string; permission: string | undefined };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route as registered, with its declared permission: the input of the access matrix test. */
    registeredRoutes: RegisteredRoute[];
  }
}

/** Collects routes as they are registered; register before any route (ASVS 8.1.1 — documented access rules). */
export const routeRegistry = fp(
  async (app: FastifyInstance) => {
    const routes: RegisteredRoute[] = [];
    app.decorate('registeredRoutes', routes);
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        routes.push({ method, url: route.url, permission: route.config?.permission });
      }
    });
  },
  { name: 'stegvis-route-registry' },
);
