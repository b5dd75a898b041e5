import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { meetingList, planView } from '../../../core/schemas/case';
import { get } from '../../lib/api';

export type Plan = z.infer<typeof planView>;
export type Meetings = z.infer<typeof meetingList> & { staffOptions: { id: string; name: string; organisation: string }[] };
export type PlanCopy = {
  name: string | null;
  mainGoal: string | null;
  ownWords: string | null;
  nextFollowUp: string | null;
  nextMeeting: string | null;
  subGoals: { text: string | null; responsible: string | null; targetDate: string | null; status: string }[];
  contacts: { name: string; organisation: string }[];
  updatedAt: string;
};

// Keyed under the enrolment, so a consent change (which invalidates ['enrolments']) refetches them.
export const planQuery = (enrolmentId: string) => queryOptions({ queryKey: ['enrolments', enrolmentId, 'plan'], queryFn: () => get<Plan>(`/api/v1/enrolments/${enrolmentId}/plan`) });
export const meetingsQuery = (enrolmentId: string) =>
  queryOptions({ queryKey: ['enrolments', enrolmentId, 'meetings'], queryFn: () => get<Meetings>(`/api/v1/enrolments/${enrolmentId}/meetings`) });
export const planCopyQuery = (enrolmentId: string) =>
  queryOptions({ queryKey: ['enrolments', enrolmentId, 'plan-copy'], queryFn: () => get<PlanCopy>(`/api/v1/enrolments/${enrolmentId}/plan/copy`) });
