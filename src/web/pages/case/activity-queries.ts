import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { activityList, activityView } from '../../../core/schemas/activity';
import type { workplaceList, workplaceView } from '../../../core/schemas/workplace';
import { get } from '../../lib/api';

export type Activity = z.infer<typeof activityView>;
export type ActivityList = z.infer<typeof activityList>;
export type Workplace = z.infer<typeof workplaceView>;
export type WorkplaceList = z.infer<typeof workplaceList>;

export const activitiesQuery = (enrolmentId: string) =>
  queryOptions({ queryKey: ['activities', enrolmentId], queryFn: () => get<ActivityList>(`/api/v1/enrolments/${enrolmentId}/activities`) });

export const workplacesQuery = queryOptions({
  queryKey: ['workplaces'],
  queryFn: () => get<WorkplaceList>('/api/v1/workplaces'),
  staleTime: 60_000,
});

export const workplaceQuery = (id: string) => queryOptions({ queryKey: ['workplaces', id], queryFn: () => get<Workplace>(`/api/v1/workplaces/${id}`) });
