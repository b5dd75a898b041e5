// The shared queries: cached by TanStack Query and invalidated after writes.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { interventionView } from '../../core/schemas/intervention';
import type { organisationView } from '../../core/schemas/organisation';
import type { enrolmentSummary, enrolmentView } from '../../core/schemas/enrolment';
import type { MonthlyResultsReport } from '../../core/schemas/monthly-results-report';
import type { OutcomesReport } from '../../core/schemas/outcomes-report';
import { get, query } from './api';

export type Intervention = z.infer<typeof interventionView>;
export type Organisation = z.infer<typeof organisationView>;
export type EnrolmentSummary = z.infer<typeof enrolmentSummary>;
export type Enrolment = z.infer<typeof enrolmentView>;
export type EnrolmentPage = { items: EnrolmentSummary[]; total: number; page: number; pageSize: number };
export type CodeEntry = { list: string; code: string; label: string; group: string | null; validFrom: string; validTo: string | null };

export const interventionsQuery = queryOptions({
  queryKey: ['interventions'],
  queryFn: () => get<{ items: Intervention[] }>('/api/v1/interventions').then((r) => r.items),
  staleTime: 60_000,
});

export const interventionQuery = (id: string) =>
  queryOptions({ queryKey: ['interventions', id], queryFn: () => get<Intervention>(`/api/v1/interventions/${id}`) });

export const organisationsQuery = queryOptions({
  queryKey: ['organisations'],
  queryFn: () => get<{ items: Organisation[] }>('/api/v1/organisations').then((r) => r.items),
  staleTime: 5 * 60_000,
});

export const codeListsQuery = queryOptions({
  queryKey: ['code-lists'],
  queryFn: () => get<CodeEntry[]>('/api/v1/code-lists'),
  staleTime: 10 * 60_000,
});

export const enrolmentQuery = (id: string) =>
  queryOptions({ queryKey: ['enrolments', id], queryFn: () => get<Enrolment>(`/api/v1/enrolments/${id}`) });

export type EnrolmentFilter = { interventionId?: string; teamId?: string; status?: string; page?: number; pageSize?: number };
export const enrolmentsQuery = (filter: EnrolmentFilter) =>
  queryOptions({
    queryKey: ['enrolments', 'list', filter],
    queryFn: () => get<EnrolmentPage>(`/api/v1/enrolments${query(filter)}`),
  });

export type ReportParams = { intervention?: string; association?: string; from: string; to: string };
export type MonthlyParams = { intervention: string; from: string; to: string; compareIntervention?: string; compareTeam?: string; compareLastYear?: 'true' };
export const monthlyResultsQuery = (params: MonthlyParams) =>
  queryOptions({
    queryKey: ['monthly-results', params],
    queryFn: () => get<MonthlyResultsReport>(`/api/v1/reports/monthly${query(params)}`),
    staleTime: 60_000,
  });

export const outcomesQuery = (params: ReportParams) =>
  queryOptions({
    queryKey: ['outcomes', params],
    queryFn: () => get<OutcomesReport>(`/api/v1/reports/outcomes${query(params)}`),
    staleTime: 60_000,
  });
