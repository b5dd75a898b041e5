import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { documentList, documentView, publishedList, templateList, templateView } from '../../../core/schemas/report-documents';
import { get } from '../../lib/api';

export type DocumentView = z.infer<typeof documentView>;
export type TemplateView = z.infer<typeof templateView>;
export type DocumentSummary = z.infer<typeof documentList>['documents'][number];

export const documentsQuery = (interventionId: string) =>
  queryOptions({ queryKey: ['report-documents', 'intervention', interventionId], queryFn: () => get<z.infer<typeof documentList>>(`/api/v1/interventions/${interventionId}/report-documents`) });
export const documentQuery = (id: string) => queryOptions({ queryKey: ['report-documents', id], queryFn: () => get<DocumentView>(`/api/v1/report-documents/${id}`) });
export const templatesQuery = queryOptions({ queryKey: ['report-templates'], queryFn: () => get<z.infer<typeof templateList>>('/api/v1/report-templates') });
export const publishedQuery = queryOptions({ queryKey: ['report-documents', 'published'], queryFn: () => get<z.infer<typeof publishedList>>('/api/v1/report-documents/published') });
