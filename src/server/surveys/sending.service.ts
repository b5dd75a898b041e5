import { coversIntervention } from '../access/anonymous-policy.js';
import { hasPermission } from '../access/actor.js';
import { writeAudit } from '../audit/audit.js';
import type { RequestContext } from '../context.js';
import { findVisibleEnrolment } from '../enrolments/enrolment.repository.js';
import { notFound } from '../errors.js';
import type { SurveyVariant } from '../../core/surveys/questionnaire.js';
import { builtInQuestionnaire } from './questionnaire.repository.js';
import { insertSending, replaceLink, sendingsOf } from './sending.repository.js';
import { newSurveyToken, qrSvg, surveyPath } from './survey-token.js';

// Sending a survey (issue 13, build 3). A personal link goes to one enrolment that the case
// worker sees (the access rule, as for every read); an anonymous link belongs to the intervention
// and its answers to no one. The token is shown once; only its hash is kept, so a lost link is
// replaced by sending again.

/** A personal link lives long enough to be answered after a meeting, and then dies. */
const personalDays = 30;
/** An anonymous link is put up on a poster or a handout for a term. */
const anonymousDays = 180;

const days = (n: number) => new Date(Date.now() + n * 86_400_000);

export async function sendSurvey(ctx: RequestContext, enrolmentId: string, variant: SurveyVariant, origin: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleEnrolment(trx, ctx.scope, enrolmentId);
    if (!row) {
      await writeAudit(trx, ctx.audit, [{ action: 'create', entity: 'survey_sending', enrolmentId, outcome: 'denied', details: { variant } }]);
      return null;
    }
    const questionnaire = await builtInQuestionnaire(trx);
    const { token, hash } = newSurveyToken();
    const sending = await insertSending(trx, row, { questionnaireId: questionnaire.id, variant, tokenHash: hash, userId: ctx.actor.userId, expiresAt: days(personalDays) });
    await writeAudit(trx, ctx.audit, [{ action: 'create', entity: 'survey_sending', enrolmentId: row.id, personId: row.person_id, details: { variant } }]);
    return presentLink(origin, token, variant, sending.expires_at);
  });
}

export async function listSendings(ctx: RequestContext, enrolmentId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleEnrolment(trx, ctx.scope, enrolmentId);
    if (!row) {
      await writeAudit(trx, ctx.audit, [{ action: 'list', entity: 'survey_sending', enrolmentId, outcome: 'denied' }]);
      return null;
    }
    const sendings = await sendingsOf(trx, row);
    await writeAudit(trx, ctx.audit, [{ action: 'list', entity: 'survey_sending', enrolmentId: row.id, personId: row.person_id, details: { count: sendings.length } }]);
    const now = Date.now();
    return {
      items: sendings.map((s) => ({
        id: s.id,
        variant: s.variant,
        sentAt: new Date(s.sent_at).toISOString(),
        expiresAt: new Date(s.expires_at).toISOString(),
        status: s.answered_at ? ('answered' as const) : new Date(s.expires_at).getTime() < now ? ('expired' as const) : ('sent' as const),
      })),
      can: { send: hasPermission(ctx.actor, 'survey:send') },
    };
  });
}

export async function createAnonymousLink(ctx: RequestContext, interventionId: string, variant: SurveyVariant, origin: string) {
  return ctx.db.transaction().execute(async (trx) => {
    // Only staff working in the intervention put up its link; anyone else is answered as missing.
    if (!(await coversIntervention(trx, ctx.actor, interventionId))) throw notFound();
    const questionnaire = await builtInQuestionnaire(trx);
    const { token, hash } = newSurveyToken();
    const link = await replaceLink(trx, { questionnaireId: questionnaire.id, interventionId, variant, tokenHash: hash, userId: ctx.actor.userId, expiresAt: days(anonymousDays) });
    return presentLink(origin, token, variant, link.expires_at);
  });
}

function presentLink(origin: string, token: string, variant: string, expiresAt: Date | string) {
  const url = `${origin}${surveyPath(token)}`;
  return { url, qrSvg: qrSvg(url, 'QR-kod till enkäten'), variant, expiresAt: new Date(expiresAt).toISOString() };
}
