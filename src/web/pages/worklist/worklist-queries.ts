import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { caseloadView, worklistView } from '../../../core/schemas/worklist';
import { get } from '../../lib/api';

export type Worklist = z.infer<typeof worklistView>;
export type WorkItem = Worklist['overdue'][number];
export type Caseload = z.infer<typeof caseloadView>;

export const worklistQuery = queryOptions({ queryKey: ['worklist'], queryFn: () => get<Worklist>('/api/v1/worklist') });

export const caseloadQuery = (teamId: string) => queryOptions({ queryKey: ['caseload', teamId], queryFn: () => get<Caseload>(`/api/v1/teams/${teamId}/caseload`) });

/** The worklist's sections, in the order a case worker deals with them. */
export const sections = ['overdue', 'due', 'meetings', 'ending', 'noPlan', 'exitSurvey'] as const;
