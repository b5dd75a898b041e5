import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect, type RouteComponent } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { meQuery } from '../lib/session';
import { interventionsQuery } from '../lib/queries';
import { AppShell } from '../components/AppShell';
import { LoginPage } from '../pages/LoginPage';
import { StartPage } from '../pages/StartPage';
import { PasswordPage } from '../pages/PasswordPage';
import { NotFoundPage, RouteErrorPage } from '../pages/NotFoundPage';

// Code-based routes, registered without the router's global type (paths are plain strings here).
// Swedish paths; pages other than login and start load on demand to keep the first load small.
const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) => lazyRouteComponent(load, name);

const root = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteErrorPage,
});

type LoginSearch = { orsak?: 'utgangen' | 'utloggad'; tillbaka?: string };
const loginRoute = createRoute({
  getParentRoute: () => root,
  path: '/logga-in',
  validateSearch: (search: Record<string, unknown>): LoginSearch => ({
    orsak: search.orsak === 'utgangen' || search.orsak === 'utloggad' ? search.orsak : undefined,
    tillbaka: typeof search.tillbaka === 'string' && search.tillbaka.startsWith('/') ? search.tillbaka : undefined,
  }),
  component: LoginPage,
});

/** Changing one's own password; at the first login with a temporary password, before anything else. */
const passwordRoute = createRoute({
  getParentRoute: () => root,
  path: '/byt-losenord',
  beforeLoad: async ({ context }) => {
    await context.queryClient.ensureQueryData(meQuery).catch(() => {
      throw redirect({ to: '/logga-in' });
    });
  },
  component: PasswordPage,
});

/** Everything behind the login: the user and their interventions are loaded before any page. */
const app = createRoute({
  getParentRoute: () => root,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery).catch(() => {
      throw redirect({ to: '/logga-in', search: { tillbaka: location.href === '/' ? undefined : location.href } });
    });
    // A temporary password opens nothing but the change (the server answers 403 to everything else).
    if (me.mustChangePassword) throw redirect({ to: '/byt-losenord' });
    await context.queryClient.ensureQueryData(interventionsQuery);
  },
  component: AppShell,
});

const at = (path: string, component: RouteComponent) =>
  createRoute({ getParentRoute: () => app, path, component });

/** ?insats=… preselects an intervention (its id for forms, its code for the report). */
const insatsSearch = (search: Record<string, unknown>): { insats?: string } => ({
  insats: typeof search.insats === 'string' ? search.insats : undefined,
});

/** The report's selection: ?insats=CODE or ?forbund=CODE, and ?period=2025-T2 or ?fran=…&till=… */
// The router reads ?period=2025 as the number 2025.
const textOf = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);

const reportSearch = (search: Record<string, unknown>) => {
  const text = (key: string) => textOf(search[key]);
  return { insats: text('insats'), forbund: text('forbund'), period: text('period'), fran: text('fran'), till: text('till') };
};

/** The förbund's dashboard: ?forbund=CODE&period=2025 or 2025-T2. */
const dashboardSearch = (search: Record<string, unknown>) => ({ forbund: textOf(search.forbund), period: textOf(search.period) });

/** Mål och budget of a year of the project period: ?ar=2025. */
// Kept a number: the router writes a string that looks like one in quotes (?ar=%222025%22).
const goalsSearch = (search: Record<string, unknown>): { ar?: number } => ({ ar: Number(textOf(search.ar)) || undefined });

/** The number behind a drill-down: ?period=2025&figur=exit_group&grupp=work&kolumn=woman. */
const drillDownSearch = (search: Record<string, unknown>) => ({ period: textOf(search.period), figur: textOf(search.figur), grupp: textOf(search.grupp), kolumn: textOf(search.kolumn) });

const tree = root.addChildren([
  loginRoute,
  passwordRoute,
  app.addChildren([
    at('/', StartPage),
    at('/insatser', page(() => import('../pages/interventions/InterventionsPage'), 'InterventionsPage')),
    at('/insatser/$id', page(() => import('../pages/interventions/InterventionPage'), 'InterventionPage')),
    at('/insatser/$id/anonyma', page(() => import('../pages/anonymous/AnonymousPage'), 'AnonymousPage')),
    createRoute({ getParentRoute: () => app, path: '/insatser/$id/mal-och-budget', validateSearch: goalsSearch, component: page(() => import('../pages/goals/GoalsBudgetPage'), 'GoalsBudgetPage') }),
    at('/insatser/$id/rapporter', page(() => import('../pages/report-documents/ReportDocumentsPage'), 'ReportDocumentsPage')),
    at('/rapportdokument/$id', page(() => import('../pages/report-documents/ReportDocumentPage'), 'ReportDocumentPage')),
    at('/rapportmallar', page(() => import('../pages/report-documents/TemplatesPage'), 'TemplatesPage')),
    at('/publicerade-rapporter', page(() => import('../pages/report-documents/PublishedReportsPage'), 'PublishedReportsPage')),
    createRoute({ getParentRoute: () => app, path: '/insatser/$id/nyckeltal', validateSearch: drillDownSearch, component: page(() => import('../pages/goals/DrillDownPage'), 'DrillDownPage') }),
    at('/deltagare', page(() => import('../pages/participants/ParticipantsPage'), 'ParticipantsPage')),
    createRoute({ getParentRoute: () => app, path: '/deltagare/ny', validateSearch: insatsSearch, component: page(() => import('../pages/enrol/EnrolPage'), 'EnrolPage') }),
    at('/deltagare/$id', page(() => import('../pages/participant/ParticipantPage'), 'ParticipantPage')),
    at('/deltagare/$id/avsluta', page(() => import('../pages/exit/ExitPage'), 'ExitPage')),
    at('/deltagare/$id/handlingsplan', page(() => import('../pages/case/PlanCopyPage'), 'PlanCopyPage')),
    at('/import', page(() => import('../pages/import/ImportPage'), 'ImportPage')),
    createRoute({ getParentRoute: () => app, path: '/rapporter', validateSearch: reportSearch, component: page(() => import('../pages/report/ReportPage'), 'ReportPage') }),
    createRoute({ getParentRoute: () => app, path: '/forbund/oversikt', validateSearch: dashboardSearch, component: page(() => import('../pages/dashboard/DashboardPage'), 'DashboardPage') }),
    at('/admin/anvandare', page(() => import('../pages/admin/UsersPage'), 'UsersPage')),
    at('/admin/organisationer', page(() => import('../pages/admin/OrganisationsPage'), 'OrganisationsPage')),
    at('/admin/kodlistor', page(() => import('../pages/admin/CodeListsPage'), 'CodeListsPage')),
    at('/loggkontroll', page(() => import('../pages/log-review/LogReviewPage'), 'LogReviewPage')),
    at('/arbetslista', page(() => import('../pages/worklist/WorklistPage'), 'WorklistPage')),
    at('/team/$id', page(() => import('../pages/worklist/CaseloadPage'), 'CaseloadPage')),
    at('/arbetsplatser', page(() => import('../pages/workplaces/WorkplacesPage'), 'WorkplacesPage')),
    at('/arbetsplatser/$id', page(() => import('../pages/workplaces/WorkplacePage'), 'WorkplacePage')),
    at('/enkater', page(() => import('../pages/surveys/SurveysPage'), 'SurveysPage')),
    at('/enkater/fragor', page(() => import('../pages/surveys/TranslationsPage'), 'TranslationsPage')),
  ]),
]);

export function makeRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree: tree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
    defaultPendingMs: 300,
  });
}

