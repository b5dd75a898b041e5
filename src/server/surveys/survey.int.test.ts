import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { surveyGoal } from '../../core/surveys/goal.js';
import { pageTexts } from '../../core/surveys/page-texts.js';
import { worldFixture } from '../../test/fixture.js';
import { testAppWith } from '../../test/security.js';
import { answer, enrol, pageQuestions, send, tokenOf } from '../../test/surveys.js';
import { hashSurveyToken } from './survey-token.js';

const t = worldFixture({ config: { surveyRequestsPerMinute: 100_000 } });
const kommun = t.as('kommunWorker');
const lead = t.as('lead');

const keysOf = async () => {
  const rows = await t.db.selectFrom('survey_questions').select(['id', 'key']).where('retired_at', 'is', null).execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.id]));
};
const audits = (entity: string) => t.db.selectFrom('audit_events').selectAll().where('entity', '=', entity).orderBy('id').execute();

describe('sending a survey', () => {
  it('gives a link with a long random token, shown as text and QR code, and stores only its hash', async () => {
    const enrolmentId = await enrol(kommun, t.world.interventions.kommunInsats);
    const sent = await kommun.post(`/api/v1/enrolments/${enrolmentId}/surveys`, { variant: 'start' });
    expect(sent.status).toBe(201);
    const token = tokenOf(sent.body.url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sent.body.qrSvg).toMatch(/^<svg [^>]*role="img"[^>]*aria-label="QR-kod till enkäten"/);
    const stored = await t.db.selectFrom('survey_sendings').selectAll().where('enrolment_id', '=', enrolmentId).executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(hashSurveyToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    const listed = await kommun.get(`/api/v1/enrolments/${enrolmentId}/surveys`);
    expect(listed.body.items.map((s: { status: string; variant: string }) => [s.variant, s.status])).toEqual([['start', 'sent']]);
  });

  it('a user who cannot see the enrolment cannot learn it exists, cannot send to it, and the attempt is audited', async () => {
    const enrolmentId = await enrol(kommun, t.world.interventions.kommunInsats);
    const missing = '00000000-0000-4000-8000-000000000000';
    // FK is assigned to the intervention but no consent names it; team B's worker has the wrong team.
    for (const who of ['fkWorker', 'teamBWorker'] as const) {
      const before = (await audits('survey_sending')).length;
      const hidden = await t.as(who).post(`/api/v1/enrolments/${enrolmentId}/surveys`, { variant: 'exit' });
      const absent = await t.as(who).post(`/api/v1/enrolments/${missing}/surveys`, { variant: 'exit' });
      expect([hidden.status, hidden.body]).toEqual([absent.status, absent.body]);
      expect(hidden.status).toBe(404);
      const listed = await t.as(who).get(`/api/v1/enrolments/${enrolmentId}/surveys`);
      expect(listed.status).toBe(404);
      const events = (await audits('survey_sending')).slice(before);
      expect(events.filter((e) => e.enrolment_id === enrolmentId).map((e) => [e.action, e.outcome])).toEqual([
        ['create', 'denied'],
        ['list', 'denied'],
      ]);
    }
    expect(await t.db.selectFrom('survey_sendings').select('id').where('enrolment_id', '=', enrolmentId).execute()).toEqual([]);
  });

  it('refuses an unknown variant in plain Swedish and sends nothing', async () => {
    const enrolmentId = await enrol(kommun, t.world.interventions.kommunInsats);
    const refused = await kommun.post(`/api/v1/enrolments/${enrolmentId}/surveys`, { variant: 'efteråt' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].message).toBe('Välj start, under eller avslut');
    expect(await t.db.selectFrom('survey_sendings').select('id').where('enrolment_id', '=', enrolmentId).execute()).toEqual([]);
  });
});

describe('the participant’s page', () => {
  it('starts with the languages, shows the questions right to left in Arabic, and falls back where a translation is missing', async () => {
    const token = await send(kommun, await enrol(kommun, t.world.interventions.kommunInsats), 'during');
    const first = await t.app.inject({ method: 'GET', url: `/enkat/${token}` });
    expect(first.statusCode).toBe(200);
    for (const name of ['Svenska', 'Lätt svenska', 'English', 'العربية', 'Soomaali', 'ትግርኛ', 'دری', 'فارسی']) expect(first.body).toContain(`>${name}</a>`);
    const { html, ids } = await pageQuestions(t.app, token, 'ar');
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain(pageTexts.ar.send);
    expect(ids).toHaveLength(13); // the during survey asks every question: gender, 1–10 and the two of start and exit
    // No Arabic question texts are shipped: lätt svenska is shown, marked as Swedish.
    expect(html).toContain('<span lang="sv" dir="ltr">Får du stöd som hjälper dig mycket?</span>');
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.headers['set-cookie']).toBeUndefined();
  });

  it('takes one answer: the link then says kindly that it does not work, exactly like a guessed one', async () => {
    const enrolmentId = await enrol(kommun, t.world.interventions.kommunInsats);
    const token = await send(kommun, enrolmentId, 'start');
    const keys = await keysOf();
    const sent = await answer(t.app, token, [['sprak', 'sv-easy'], [`q${keys.wellbeing}`, '2'], [`q${keys.q8}`, 'Lugn och ro']]);
    expect([sent.statusCode, sent.headers.location]).toEqual([303, '/enkat/tack?sprak=sv-easy']);
    const guessed = await t.app.inject({ method: 'GET', url: `/enkat/${'A'.repeat(43)}` });
    const again = await answer(t.app, token, [[`q${keys.wellbeing}`, '6']]);
    const reopened = await t.app.inject({ method: 'GET', url: `/enkat/${token}` });
    for (const reply of [again, reopened]) expect([reply.statusCode, reply.body]).toEqual([guessed.statusCode, guessed.body]);
    expect(guessed.statusCode).toBe(404);
    expect(guessed.body).toContain(pageTexts.sv.invalidLink);
    const stored = await t.db.selectFrom('survey_answers').select(['question_id', 'value', 'free_text']).where('person_id', 'is not', null).where('question_id', 'in', [keys.wellbeing, keys.q8]).execute();
    expect(stored.filter((a) => a.value === 6)).toEqual([]);
    const audit = (await audits('survey_response')).filter((e) => e.enrolment_id === enrolmentId);
    expect(audit.map((e) => [e.action, e.actor_role, e.outcome])).toEqual([['create', 'participant', 'allowed']]);
  });

  it('says the same to an expired link, and stores nothing from a tampered form', async () => {
    const enrolmentId = await enrol(kommun, t.world.interventions.kommunInsats);
    const token = await send(kommun, enrolmentId, 'exit');
    const keys = await keysOf();
    const tampered = await answer(t.app, token, [[`q${keys.q1}`, '9']]);
    expect(tampered.statusCode).toBe(400);
    expect(tampered.body).toContain(pageTexts.sv.invalidAnswer);
    await t.db.updateTable('survey_sendings').set({ expires_at: new Date(Date.now() - 1000) }).where('enrolment_id', '=', enrolmentId).execute();
    const expired = await answer(t.app, token, [[`q${keys.q1}`, '3']]);
    expect(expired.statusCode).toBe(404);
    expect(expired.body).toContain(pageTexts.sv.invalidLink);
    expect(await t.db.selectFrom('survey_responses').select('id').where('enrolment_id', '=', enrolmentId).execute()).toEqual([]);
  });

  it('answers 1,000 random tokens with nothing but the one message', async () => {
    const replies = new Set<string>();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < 1000; i++) {
      const length = i % 10 === 0 ? 1 + (i % 60) : 43;
      const token = Array.from({ length }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
      const reply = i % 2 ? await t.app.inject({ method: 'GET', url: `/enkat/${token}?sprak=ar` }) : await answer(t.app, token, [['sprak', 'sv']]);
      replies.add(`${reply.statusCode} ${reply.body}`);
    }
    expect(replies.size).toBe(1);
    expect([...replies][0]).toMatch(/^404 /);
    expect([...replies][0]).toContain(pageTexts.ar.invalidLink);
  });

  it('is rate limited per address', async () => {
    const app = await testAppWith(t.db, { surveyRequestsPerMinute: 3 });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await app.inject({ method: 'GET', url: `/enkat/${'B'.repeat(43)}` })).statusCode);
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
    } finally {
      await app.close();
    }
  });
});

describe('results', () => {
  it('give stegförflyttning from the same participants’ start and exit answers, and the goal met or not met', async () => {
    const keys = await keysOf();
    const intervention = t.world.interventions.afInsats;
    const af = t.as('afWorker');
    // Wellbeing start → exit: 6 improve, 2 stay; closeness: 3 improve, 5 worsen.
    const journeys: [number, number, number, number][] = [
      [2, 4, 5, 3], [1, 3, 5, 3], [3, 5, 5, 3], [2, 6, 5, 3], [4, 5, 5, 3], [1, 2, 2, 8], [3, 3, 2, 8], [5, 5, 2, 8],
    ];
    for (const [i, [wellStart, wellExit, closeStart, closeExit]] of journeys.entries()) {
      const enrolmentId = await enrol(af, intervention, { gender: i % 2 ? 'man' : 'woman' });
      const gender = i % 2 ? 'man' : 'woman';
      expect((await answer(t.app, await send(af, enrolmentId, 'start'), [[`q${keys.gender}`, gender], [`q${keys.wellbeing}`, String(wellStart)], [`q${keys.closeness}`, String(closeStart)]])).statusCode).toBe(303);
      expect((await answer(t.app, await send(af, enrolmentId, 'exit'), [[`q${keys.gender}`, gender], [`q${keys.wellbeing}`, String(wellExit)], [`q${keys.closeness}`, String(closeExit)]])).statusCode).toBe(303);
    }
    const results = await af.get(`/api/v1/interventions/${intervention}/survey-results`);
    expect(results.status).toBe(200);
    expect(results.body.suppressed).toBe(false);
    const byKey = Object.fromEntries(results.body.questions.map((q: { key: string }) => [q.key, q]));
    expect(byKey.wellbeing.stepChange).toEqual({ pairs: 8, improved: 6, same: 2, worse: 0, shares: { improved: 0.75, same: 0.25, worse: 0 } });
    expect(byKey.closeness.stepChange).toMatchObject({ pairs: 8, improved: 3, same: 0, worse: 5 });
    expect(surveyGoal(byKey.wellbeing.stepChange, 0.75).met).toBe(true);
    expect(surveyGoal(byKey.closeness.stepChange, 0.75).met).toBe(false);
    // Start answers of wellbeing by gender: women answered 2, 3, 4, 3; men 1, 2, 1, 5.
    const start = await af.get(`/api/v1/interventions/${intervention}/survey-results?variant=start`);
    const wellbeing = start.body.questions.find((q: { key: string }) => q.key === 'wellbeing');
    expect(wellbeing.respondents).toEqual({ woman: 4, man: 4, other: 0, total: 8 });
    expect(wellbeing.categories.find((c: { code: string }) => c.code === '1')).toMatchObject({ label: 'Aldrig', woman: 0, man: 2, total: 2 });
    expect(start.body.responseRates.find((r: { variant: string }) => r.variant === 'start')).toMatchObject({ sent: 8, answered: 8, rate: 1 });
    const read = (await audits('survey_results')).at(-1)!;
    expect([read.action, read.outcome, read.actor_user_id]).toEqual(['read', 'allowed', t.world.users.afWorker.id]);
  });

  it('are suppressed for another party’s staff and the förbund; others get not found, audited', async () => {
    const intervention = t.world.interventions.afInsats;
    const forbund = await t.as('associationAdmin').get(`/api/v1/interventions/${intervention}/survey-results`);
    expect(forbund.status).toBe(200);
    expect(forbund.body.suppressed).toBe(true);
    expect(forbund.body.can.readFreeText).toBe(false);
    const wellbeing = forbund.body.questions.find((q: { key: string }) => q.key === 'wellbeing');
    const shown = wellbeing.categories.flatMap((c: Record<string, number | null>) => [c.woman, c.man, c.other, c.total]);
    expect(shown.filter((v: number | null) => v !== null && v > 0 && v < 5)).toEqual([]);
    const stranger = await kommun.get(`/api/v1/interventions/${intervention}/survey-results`);
    expect(stranger.status).toBe(404);
    expect((await audits('survey_results')).at(-1)).toMatchObject({ outcome: 'denied', actor_user_id: t.world.users.kommunWorker.id });
  });
});

describe('free-text answers', () => {
  it('are listed for the controlling organisation’s staff only, each read audited, and can be hidden', async () => {
    const keys = await keysOf();
    const enrolmentId = await enrol(kommun, t.world.interventions.kommunInsats, { consentParties: [t.world.orgs.af] });
    await answer(t.app, await send(kommun, enrolmentId, 'during'), [[`q${keys.q10}`, 'Handläggaren Kalle borde svara fortare']]);
    const url = `/api/v1/interventions/${t.world.interventions.kommunInsats}/survey-texts`;
    const listed = await kommun.get(url);
    expect(listed.status).toBe(200);
    const item = listed.body.items.find((i: { text: string }) => i.text?.includes('Kalle'));
    expect(item).toMatchObject({ question: 'Vad kan göras annorlunda?', hidden: false });
    const reads = (await audits('survey_response')).filter((e) => e.enrolment_id === enrolmentId && e.action === 'read');
    expect(reads.map((e) => e.actor_user_id)).toEqual([t.world.users.kommunWorker.id]);
    // AF sees the participant through the consent but does not control the record: no free text.
    const af = t.as('afWorker');
    const before = (await audits('survey_response')).length;
    expect((await af.get(url)).status).toBe(404);
    const hide = { responseId: item.responseId, questionId: item.questionId, hidden: true };
    expect((await af.post(`${url}/hidden`, hide)).status).toBe(404);
    const denied = (await audits('survey_response')).slice(before);
    expect(denied.map((e) => [e.action, e.outcome])).toEqual([['list', 'denied'], ['update', 'denied']]);
    expect((await t.db.selectFrom('survey_answers').select('hidden_at').where('response_id', '=', item.responseId).executeTakeFirstOrThrow()).hidden_at).toBeNull();
    expect((await kommun.post(`${url}/hidden`, hide)).body).toEqual({ hidden: true });
    expect((await kommun.get(url)).body.items.find((i: { responseId: string }) => i.responseId === item.responseId).hidden).toBe(true);
  });
});

describe('anonymous link', () => {
  it('takes answers linked to no one, counted apart', async () => {
    const keys = await keysOf();
    const intervention = t.world.interventions.kommunInsats;
    const made = await lead.post(`/api/v1/interventions/${intervention}/survey-link`, { variant: 'during' });
    expect(made.status).toBe(201);
    const token = tokenOf(made.body.url);
    const page = await pageQuestions(t.app, token);
    expect(page.html).toContain(pageTexts.sv.whoSeesAnonymous);
    for (const value of ['3', '4']) expect((await answer(t.app, token, [[`q${keys.q1}`, value], [`q${keys.q8}`, 'Arbeta']])).statusCode).toBe(303);
    const rows = await t.db.selectFrom('survey_responses').selectAll().where('link_id', 'is not', null).execute();
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.person_id === null && r.enrolment_id === null && r.sending_id === null)).toBe(true);
    const rate = (await kommun.get(`/api/v1/interventions/${intervention}/survey-results`)).body.responseRates.find((r: { variant: string }) => r.variant === 'during');
    expect(rate.anonymous).toBe(2);
    // Someone outside the intervention cannot make one.
    expect((await t.as('afWorker').post(`/api/v1/interventions/${t.world.interventions.annatInsats}/survey-link`, { variant: 'during' })).status).toBe(404);
  });
});

describe('questionnaires and translations', () => {
  it('a lead enters a translation; a Swedish change after answers is a new version and old answers keep theirs', async () => {
    const keys = await keysOf();
    const builtIn = await t.db.selectFrom('questionnaires').select('id').executeTakeFirstOrThrow();
    const base = `/api/v1/questionnaires/${builtIn.id}/questions`;
    const view = await lead.get(`/api/v1/questionnaires/${builtIn.id}`);
    expect(view.body.questions.find((q: { key: string }) => q.key === 'q1').missingLanguages).toEqual(['ar', 'so', 'ti', 'prs', 'fa']);
    const arabic = await lead.request('PUT', `${base}/${keys.q1}/texts/ar`, { text: 'هل تحصل على دعم مفيد لك؟' });
    expect(arabic.status).toBe(200);
    expect(arabic.body.missingLanguages).toEqual(['so', 'ti', 'prs', 'fa']);
    expect((await kommun.request('PUT', `${base}/${keys.q1}/texts/so`, { text: 'X' })).status).toBe(403);
    const incomplete = await lead.request('PUT', `${base}/${keys.gender}/texts/so`, { text: 'Adiga', options: ['Naag'] });
    expect([incomplete.status, incomplete.body.errors[0].path]).toEqual([400, 'options']);
    // q1 has answers (anonymous link above): changing the Swedish text makes version 2.
    const changed = await lead.request('PUT', `${base}/${keys.q1}/texts/sv`, { text: 'Får du stöd som är till nytta för dig?' });
    expect(changed.body).toMatchObject({ key: 'q1', version: 2, missingLanguages: ['sv-easy', 'en', 'ar', 'so', 'ti', 'prs', 'fa'] });
    const old = await t.db.selectFrom('survey_answers').select(sql<number>`count(*)::int`.as('n')).where('question_id', '=', keys.q1).executeTakeFirstOrThrow();
    expect(old.n).toBeGreaterThan(0);
    const results = await kommun.get(`/api/v1/interventions/${t.world.interventions.kommunInsats}/survey-results`);
    const versions = results.body.questions.filter((q: { key: string }) => q.key === 'q1').map((q: { version: number }) => q.version);
    expect(versions).toEqual([1, 2]);
  });
});

describe('data protection', () => {
  it('subject access shows the person’s survey answers, and a withdrawn consent clears their free text', async () => {
    const keys = await keysOf();
    const enrolmentId = await enrol(kommun, t.world.interventions.kommunInsats);
    await answer(t.app, await send(kommun, enrolmentId, 'start'), [[`q${keys.wellbeing}`, '4'], [`q${keys.q8}`, 'Att få jobba med djur på Gårdens stall']]);
    const personId = (await t.db.selectFrom('enrolments').select('person_id').where('id', '=', enrolmentId).executeTakeFirstOrThrow()).person_id;
    const extract = await t.as('orgAdmin').get(`/api/v1/persons/${personId}/subject-access`);
    expect(extract.status).toBe(200);
    expect(extract.body.surveys).toHaveLength(1);
    expect(extract.body.surveys[0].answers).toEqual(
      expect.arrayContaining([
        { question: 'Hur ofta mår du bra?', value: 4, choices: null, text: null },
        { question: 'Vad är viktigt för dig för att kunna arbeta eller studera?', value: null, choices: null, text: 'Att få jobba med djur på Gårdens stall' },
      ]),
    );
    expect((await kommun.post(`/api/v1/enrolments/${enrolmentId}/consent/withdraw`, { date: '2024-06-01' })).status).toBe(200);
    const left = await t.db.selectFrom('survey_answers').select(['value', 'free_text']).where('person_id', '=', personId).execute();
    expect(left.map((a) => a.free_text)).toEqual([null, null]);
    expect(left.map((a) => a.value).sort()).toEqual([4, null]);
  });
});
