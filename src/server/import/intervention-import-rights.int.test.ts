import { describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';

// An intervention import grants no more than the API does (access/import-policy.ts): a lead
// changes only the interventions it leads, and creates none.

const t = worldFixture();

const header = 'code,name,owner,association,start_date,end_date,orientation,follow_up,places,volume_target';

async function importAs(email: string, rows: string[]) {
  const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'rätt-hemligt-lösenord' } });
  const cookie = login.cookies.find((c) => c.name === 'stegvis_session')!.value;
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/imports/interventions',
    payload: `${header}\n${rows.join('\n')}\n`,
    headers: { cookie: `stegvis_session=${cookie}`, 'x-csrf-token': login.json().csrfToken, 'content-type': 'text/csv' },
  });
  return { status: response.statusCode, body: response.json() };
}

const nameOf = async (code: string) => (await t.db.selectFrom('interventions').select('name').where('code', '=', code).executeTakeFirst())?.name;

describe('intervention import by an intervention lead', () => {
  it('changes the intervention it leads', async () => {
    const answer = await importAs(t.world.users.lead.email, ['KOMMUNINSATS,Nytt namn,KOMMUN,FORBUND,2020-01-01,,individual,individual,50,100']);
    expect(answer.body).toMatchObject({ ok: true, updated: 1 });
    expect(await nameOf('KOMMUNINSATS')).toBe('Nytt namn');
  });

  it('creates no intervention, and changes none it does not lead, even of its own organisation', async () => {
    const created = await importAs(t.world.users.lead.email, ['LEDARENS-NYA,Ny,KOMMUN,FORBUND,2024-01-01,,individual,individual,10,10']);
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([expect.objectContaining({ column: 'owner' })]);
    expect(await nameOf('LEDARENS-NYA')).toBeUndefined();
    const other = await importAs(t.world.users.lead.email, ['AF-INSATS,Kapad,AF,FORBUND,2020-01-01,,individual,individual,50,100']);
    expect(other.status).toBe(400);
    expect(await nameOf('AF-INSATS')).toBe('Insats AF-INSATS');
  });

  it('moves no intervention it leads to another owner', async () => {
    const moved = await importAs(t.world.users.lead.email, ['KOMMUNINSATS,Nytt namn,AF,FORBUND,2020-01-01,,individual,individual,50,100']);
    expect(moved.status).toBe(400);
    expect(moved.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ column: 'owner' })]));
  });
});
