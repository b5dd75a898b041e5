import { associationIdsFor, type Actor } from './actor.js';

/**
 * The förbund's own figures (issue 12, items 8–9). Its dashboard compares its interventions for
 * the förbund's administrator and its board (report_reader), and its national follow-up
 * (Uppföljning Finsam) is the administrator's. Both are aggregates that leave the controlling
 * organisations, so always suppressed (domain.md, data protection 7), and both only of the
 * förbund the role is held in: anyone else is answered as if the förbund did not exist.
 */
export function associationFiguresCan(actor: Actor, associationId: string) {
  const admin = associationIdsFor(actor, 'association_admin').includes(associationId);
  const board = associationIdsFor(actor, 'report_reader').includes(associationId);
  return { dashboard: admin || board, national: admin };
}
