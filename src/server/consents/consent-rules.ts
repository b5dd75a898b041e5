// The consent rules every registration follows, through the API and the CSV import alike (OSL 12:2,
// data-protection model 2): one consent per person, revised and never copied, changed only by the
// controller's staff; a withdrawal is not undone by an older registration.

export type ActiveConsent = { id: string; parties: ReadonlySet<string> };

export type ConsentPlan =
  | { kind: 'create'; partyIds: string[] }
  | { kind: 'add_parties'; consentId: string; partyIds: string[] }
  | { kind: 'unchanged'; consentId: string }
  | { kind: 'refused'; message: string };

export const notControllerMessage =
  'Personen har redan ett samtycke, och bara personal hos den personuppgiftsansvariga organisationen kan ändra det. ' +
  'Skriv in personen utan att lägga till parter, eller be dem lägga till parten.';

/**
 * What a registration does to the person's consent. `actingOrgId` null is the system (an operator's
 * import), which acts for the controller. The consent always covers the controller.
 */
export function planConsent(active: ActiveConsent | null, controllerId: string, actingOrgId: string | null, requested: readonly string[]): ConsentPlan {
  if (!active) return { kind: 'create', partyIds: [...new Set([controllerId, ...requested])] };
  const missing = [...new Set(requested)].filter((id) => id !== controllerId && !active.parties.has(id));
  if (missing.length === 0) return { kind: 'unchanged', consentId: active.id };
  if (actingOrgId !== null && actingOrgId !== controllerId) return { kind: 'refused', message: notControllerMessage };
  return { kind: 'add_parties', consentId: active.id, partyIds: missing };
}

/** A stale registration must not undo a withdrawal: only a start after it can come with a new consent. */
export const startsBeforeWithdrawal = (withdrawnOn: string | undefined, startDate: string): boolean =>
  withdrawnOn !== undefined && startDate <= withdrawnOn;
