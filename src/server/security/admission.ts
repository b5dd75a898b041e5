import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

export const overloadedMessage = 'Stegvis har många förfrågningar just nu. Försök igen om en liten stund.';

/**
 * Admission control: beyond `limit` requests in progress the server answers 503 at once instead
 * of queueing. Overloaded without it, every request waited in the process until all were late
 * and its memory grew with the queue (bench/notes.md, soak); with it, the requests admitted stay
 * fast and a refused one changes nothing. Counted from arrival until the response is closed
 * (sent, or the connection gone).
 */
export function admitRequests(app: FastifyInstance, limit: number): void {
  let inProgress = 0;
  let refusedSinceLog = 0;
  let lastLog = 0;
  app.addHook('onRequest', async (request, reply) => {
    if (inProgress >= limit) {
      refusedSinceLog += 1;
      // At most one line every ten seconds, however many are refused.
      if (Date.now() - lastLog >= 10_000) {
        request.log.warn({ event: 'overloaded', inProgress, refused: refusedSinceLog }, 'förfrågningar avvisas: för många pågår');
        lastLog = Date.now();
        refusedSinceLog = 0;
      }
      reply.header('retry-after', '2');
      throw new AppError('unavailable', overloadedMessage);
    }
    inProgress += 1;
    reply.raw.once('close', () => {
      inProgress -= 1;
    });
  });
}
