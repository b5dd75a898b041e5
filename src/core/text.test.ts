import { describe, expect, it } from 'vitest';
import { echo, isHarmlessToEcho } from './echo.js';
import { code, forbiddenCharacterMessage, shortText, text } from './schemas/common.js';
import { loginRequest } from './schemas/auth.js';
import { enrolmentSearch, enrolmentUpdate } from './schemas/enrolment.js';
import { teamCreate } from './schemas/intervention.js';
import { userCreate } from './schemas/user.js';
import { hasForbiddenCharacter } from './text.js';

// Finding 8: one rule for every text value; finding 9: what an error message may repeat.
describe('forbidden characters', () => {
  it.each(['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\u007F', '\uD800', 'a\uDC00'])('refuses %j', (char) => {
    expect(hasForbiddenCharacter(`före${char}efter`)).toBe(true);
  });

  it.each(['vanlig text', 'rad ett\nrad två\r\n', 'med\ttabb', 'åäö ÅÄÖ é ü ß', '😀 emoji', '\u00A0hårt mellanslag', 'Ωμέγα'])('accepts %j', (value) => {
    expect(hasForbiddenCharacter(value)).toBe(false);
  });

  it('every shared text schema refuses them with one plain Swedish message', () => {
    for (const schema of [text(), code, shortText(), shortText(4000)]) {
      const result = schema.safeParse('Anna\u0000');
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((i) => i.message)).toContain(forbiddenCharacterMessage);
    }
    const issues = (schema: { safeParse: (v: unknown) => { error?: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown) =>
      schema.safeParse(value).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues(loginRequest, { email: 'a\u0000@b.se', password: 'x' })).toContainEqual(['email', forbiddenCharacterMessage]);
    expect(issues(userCreate, { email: 'a@b.se', displayName: 'A\u0000', password: 'ett-långt-lösenord' })).toContainEqual(['displayName', forbiddenCharacterMessage]);
    expect(issues(enrolmentSearch, { q: 'An\u0000na' })).toContainEqual(['q', forbiddenCharacterMessage]);
    expect(issues(enrolmentUpdate, { notes: 'rad\u0000' })).toContainEqual(['notes', forbiddenCharacterMessage]);
    expect(enrolmentUpdate.parse({ notes: 'rad ett\nrad två' }).notes).toBe('rad ett\nrad två');
  });
});

describe('team names', () => {
  it.each(['19121212-1212', '121212-1212', '191212121212', 'Team 19121272-1219'])('refuse a personnummer or samordningsnummer (%s)', (name) => {
    const result = teamCreate.safeParse({ name });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'Ett teamnamn får inte innehålla ett personnummer eller samordningsnummer. Ge teamet ett annat namn.',
    ]);
  });

  it.each(['Team Norr', 'Team 2024', 'Grupp 12'])('accept an ordinary name (%s)', (name) => {
    expect(teamCreate.parse({ name }).name).toBe(name);
  });
});

describe('echo', () => {
  it.each(['work', 'social_assistance', 'kvinnna', 'jobb2', 'x1234'])('repeats a value shaped like a code (%s)', (value) => {
    expect(isHarmlessToEcho(value)).toBe(true);
    expect(echo(value)).toBe(` '${value}'`);
  });

  it.each(['191212121212', '19121212-1212', '1212121212', 'Anna', 'Anna Andersson', 'anna.andersson@kommun.se', '0701234567', 'a'.repeat(33), '', 'ÅSA', 'ab12345'])(
    'does not repeat %j',
    (value) => {
      expect(isHarmlessToEcho(value)).toBe(false);
      expect(echo(value)).toBe('');
    },
  );
});
