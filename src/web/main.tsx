import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { I18nProvider } from 'react-aria-components';
import { z } from 'zod';
import swedish from '../core/schemas/messages';
import { ApiError, setUnauthenticatedHandler } from './lib/api';
import { makeRouter } from './routes/router';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/print.css';

// The schemas' own messages are Swedish, and zod's built-in ones (wrong type and so on) are written
// for people too (core/schemas/messages.ts; common.ts installs them as well, this is belt and braces).
z.config(swedish());

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // 401/403/404 will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
const router = makeRouter(queryClient);

// A 401 after login means the session ran out (idle or absolute timeout) or was ended elsewhere.
let expiring = false;
setUnauthenticatedHandler(() => {
  const hadSession = queryClient.getQueryData(['me']) !== undefined;
  queryClient.clear();
  if (!hadSession || expiring) return;
  expiring = true;
  const back = router.state.location.href;
  void router.navigate({ to: '/logga-in', search: { orsak: 'utgangen', tillbaka: back } }).finally(() => {
    expiring = false;
  });
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider locale="sv-SE">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
