import type { DataScope } from './data-scope.js';

// Each authority controls its own documentation (issue 10, item 1): another party may read an
// activity under the person's consent, but only the controlling organisation's staff change it.

export const mayChangeActivity = (scope: DataScope, activity: { controller_org_id: string }): boolean =>
  scope.kind === 'system' || activity.controller_org_id === scope.actor.organisationId;
