import { describe, expect, it } from 'vitest';

// The web app decides nothing by role: what it offers follows the `can` flags the server computes
// (server/access/navigation-policy.ts for /auth/me, the records' own `can`). A role name or a look
// at roles or assignments in a condition here would be a second copy of a server rule, free to
// drift from it. Only the Swedish display labels of the roles (i18n/sv.ts) may name them.

const sources = import.meta.glob<string>('/src/web/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });
// Vite leaves the importing file (this test) out of its own glob.
const allowed = new Set(['/src/web/i18n/sv.ts']);

const roleLogic: { name: string; pattern: RegExp }[] = [
  { name: 'a role name', pattern: /['"`](case_worker|intervention_lead|association_admin|org_admin|report_reader|log_reviewer|system_admin)['"`]/ },
  { name: 'roles.has(…)', pattern: /\broles\??\.has\(/ },
  { name: 'roles.includes(…) / roles.some(…)', pattern: /\broles\??\.(includes|some|every|find|indexOf)\(/ },
  { name: 'a comparison of a role', pattern: /\brole\s*[!=]==|[!=]==\s*[\w.?]*\brole\b/ },
  { name: 'me.roles / me.assignments', pattern: /\bme\??\.(roles|assignments)\b/ },
];

function findings(source: string) {
  return source.split('\n').flatMap((line, i) =>
    roleLogic.filter(({ pattern }) => pattern.test(line)).map(({ name }) => `line ${i + 1} (${name}): ${line.trim()}`),
  );
}

describe('the web app', () => {
  it('is scanned in full', () => {
    const files = Object.keys(sources);
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain('/src/web/components/NavMenu.tsx');
    expect(files).toContain('/src/web/pages/participant/ConsentSection.tsx');
    expect(files).toContain('/src/web/i18n/sv.ts');
  });

  it('has no role-based permission logic: it follows the server’s `can` flags', () => {
    const found = Object.entries(sources)
      .filter(([file]) => !allowed.has(file))
      .flatMap(([file, source]) => findings(source).map((f) => `${file}: ${f}`));
    expect(found).toEqual([]);
  });

  it('would notice role logic of the kinds it looks for', () => {
    for (const line of [
      "if (roles.has('system_admin')) importKinds.push('organisations');",
      "me.assignments.filter((a) => a.role === 'association_admin')",
      'const show = me.roles.length > 0;',
      "const lead = user.roles.includes(x);",
      "const admin = role !== 'org_admin';",
      'if (kind === a.role) return;',
    ]) {
      expect(findings(line), line).not.toEqual([]);
    }
    expect(findings("const label = t.roles[a.role] ?? a.role;")).toEqual([]);
  });
});
