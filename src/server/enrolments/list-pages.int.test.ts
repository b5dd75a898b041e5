import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { addParticipant } from '../../test/world.js';
import type { Client } from '../../test/http.js';

// The list is one statement that picks, counts and joins the page (issue 11): pages must still
// cover the visible list exactly once, in order, with the right total, for every kind of scope.

const t = worldFixture();
type Item = { id: string; startDate: string };
const starts = ['2025-03-01', '2025-03-01', '2025-03-01', '2025-02-01', '2025-04-01', '2025-01-10', '2024-12-01'];
const added: string[] = [];
const consentedToAf: string[] = [];

beforeAll(async () => {
  const { orgs, interventions } = t.world;
  for (const [i, start] of starts.entries()) {
    const consented = i % 2 === 0;
    const person = await addParticipant(t.db, {
      controllerId: orgs.kommun,
      enrolments: [{ interventionId: interventions.kommunInsats, start }],
      consent: consented ? { givenDate: start, partyIds: [orgs.af] } : null,
    });
    added.push(person.enrolmentIds[0]);
    if (consented) consentedToAf.push(person.enrolmentIds[0]);
  }
});

const listPage = async (client: Client, page: number, pageSize: number) => {
  const answer = await client.get(`/api/v1/enrolments?interventionId=${t.world.interventions.kommunInsats}&page=${page}&pageSize=${pageSize}`);
  expect(answer.status).toBe(200);
  return answer.body as { items: Item[]; total: number };
};

/** Newest start first, then id: the order the list promises. */
const inListOrder = (items: Item[]) =>
  items.every((item, i) => i === 0 || items[i - 1].startDate > item.startDate || (items[i - 1].startDate === item.startDate && items[i - 1].id < item.id));

async function walk(client: Client, pageSize: number) {
  const whole = await listPage(client, 1, 200);
  const pages: Item[] = [];
  for (let page = 1; (page - 1) * pageSize < whole.total; page++) {
    const answer = await listPage(client, page, pageSize);
    expect(answer.total).toBe(whole.total);
    pages.push(...answer.items);
  }
  return { whole, pages };
}

describe('a list in pages', () => {
  it('walks every visible enrolment once, newest first, each page with the same total', async () => {
    const { whole, pages } = await walk(t.as('kommunWorker'), 3);
    expect(whole.items).toHaveLength(whole.total);
    expect(whole.items.map((i) => i.id)).toEqual(expect.arrayContaining(added));
    expect(pages.map((i) => i.id)).toEqual(whole.items.map((i) => i.id));
    expect(inListOrder(whole.items)).toBe(true);
  });

  it('answers a page past the end with no rows and the total', async () => {
    const client = t.as('kommunWorker');
    const { total } = await listPage(client, 1, 200);
    expect(await listPage(client, Math.ceil(total / 3) + 2, 3)).toEqual({ items: [], total, page: expect.any(Number), pageSize: 3 });
  });

  it('counts and pages only what the consent shows another party', async () => {
    const { whole, pages } = await walk(t.as('afWorker'), 2);
    const ids = whole.items.map((i) => i.id);
    expect(ids.filter((id) => added.includes(id)).sort()).toEqual([...consentedToAf].sort());
    expect(pages.map((i) => i.id)).toEqual(ids);
  });

  it('shows a team worker none of the intervention’s enrolments outside the team, and counts none', async () => {
    const answer = await listPage(t.as('teamBWorker'), 1, 50);
    expect(answer.items.filter((i) => added.includes(i.id))).toEqual([]);
    expect(answer.total).toBe(answer.items.length);
  });
});
