import { hasRole, type Actor } from './actor.js';
import { roles, type Role } from './roles.js';
import { AppError, notFound } from '../errors.js';

// Who may change whose rights (security finding 2; domain.md, data-protection model 3). Pure rules
// over facts the services read; every refusal is audited as denied by the caller.
//
//  - Nobody grants, changes or removes their own assignments, whatever their role.
//  - case_worker and intervention_lead on an intervention or one of its teams: granted only by an
//    org_admin of the intervention's owner, to the owner's own staff or to staff of an
//    organisation that is a member of the intervention's förbund (Finsam joint teams). The owner's
//    admin finds such a user by exact e-mail (user.service.ts, lookupUser).
//  - org_admin and log_reviewer: the organisation's own org_admin. A system administrator
//    appoints only the first org_admin of an organisation (none active yet), when setting it up.
//  - association_admin and report_reader: the förbund's own org_admin, to the förbund's staff.
//  - system_admin: a system administrator only. A system administrator grants nothing else: it
//    holds no person data and hands out neither case work nor log review.
//  - Removing: whoever may grant it; besides, a user's own org_admin may remove any of the staff's
//    assignments (except system_admin), also in another organisation's intervention.
//  - Out of reach is not found: an org_admin reaches the own staff, users who work in an
//    intervention the organisation owns, and, for a grant in such an intervention, staff of the
//    förbund's member organisations. A system administrator reaches every user.

export const rightsMessages = {
  self: 'Du kan inte ändra dina egna behörigheter. Be en annan administratör om hjälp.',
  systemAccount: 'Bara en systemadministratör kan ändra en systemadministratörs konto.',
  systemRole: 'Bara en systemadministratör kan ge rollen systemadministratör.',
  caseWorkOwner: 'Bara insatsens ägare kan ge uppdrag i insatsen. Be ägarens organisationsadministratör om hjälp.',
  leadOwner: 'Bara insatsens ägare kan utse insatsansvariga. Be ägarens organisationsadministratör om hjälp.',
  notAParty: 'Användarens organisation är inte med i insatsens samordningsförbund. Bara dess parter kan arbeta i insatsen.',
  organisationRole: 'Roller för hela organisationen ges av användarens egen organisationsadministratör.',
  firstAdminOnly: 'Organisationen har redan en organisationsadministratör. Be den att utse fler.',
  associationRole: 'Förbundets roller ges av förbundets egen organisationsadministratör till förbundets personal.',
  foreignAccount: 'Användaren tillhör en annan organisation. Bara den organisationens administratör kan ändra kontot.',
  ownPassword: 'Ditt eget lösenord byter du under Byt lösenord, med ditt nuvarande lösenord.',
  staffPassword: 'Lösenord för en organisations personal återställs av organisationens egen administratör.',
} as const;

const forbidden = (message: string) => new AppError('forbidden', message);

/** The user whose rights change, as the rules need it. */
export type TargetUser = {
  id: string;
  organisationId: string;
  holdsSystemAdmin: boolean;
  /** Holds an assignment on an intervention (or team) the actor's organisation owns. */
  worksForActor: boolean;
};

/** The intervention an intervention role is held on (a team's intervention for a team). */
export type InterventionFacts = {
  ownerOrgId: string;
  /** The actor may see the intervention at all (access/scope.ts); if not, it answers as missing. */
  visible: boolean;
  /** The user's organisation is a member of the intervention's förbund. */
  userOrgTakesPart: boolean;
};

export type GrantFacts = {
  role: Role;
  /** For case_worker and intervention_lead. */
  intervention: InterventionFacts | null;
  /** For association roles: the förbund (already checked to exist and be a förbund). */
  associationId: string | null;
  /** For org_admin: the user's organisation already has an active org_admin. */
  organisationHasAdmin: boolean;
};

export type RemovalFacts = { role: Role; interventionOwnerOrgId: string | null; associationId: string | null };

const interventionRoles: Role[] = ['case_worker', 'intervention_lead'];
const associationRoles: Role[] = ['association_admin', 'report_reader'];

function who(actor: Actor, user: TargetUser) {
  const system = hasRole(actor, 'system_admin');
  const admin = hasRole(actor, 'org_admin');
  return { system, admin, ownStaff: admin && user.organisationId === actor.organisationId };
}

/** Nobody changes their own rights: checked first, before anything else is looked up. */
export function checkNotSelf(actor: Actor, userId: string): void {
  if (userId === actor.userId) throw forbidden(rightsMessages.self);
}

/** Throws the answer to a grant the actor may not make; returns when it may. */
export function checkGrant(actor: Actor, user: TargetUser, grant: GrantFacts): void {
  checkNotSelf(actor, user.id);
  const { system, admin, ownStaff } = who(actor, user);
  const i = grant.intervention;
  const ownsIntervention = admin && i !== null && i.ownerOrgId === actor.organisationId;
  if (!(system || ownStaff || (admin && user.worksForActor) || (ownsIntervention && i.userOrgTakesPart))) throw notFound();
  if (user.holdsSystemAdmin && !system) throw forbidden(rightsMessages.systemAccount);
  if (grant.role === 'system_admin') {
    if (!system) throw forbidden(rightsMessages.systemRole);
  } else if (interventionRoles.includes(grant.role)) {
    if (!i?.visible) throw notFound();
    if (!ownsIntervention) throw forbidden(grant.role === 'intervention_lead' ? rightsMessages.leadOwner : rightsMessages.caseWorkOwner);
    if (!ownStaff && !i.userOrgTakesPart) throw forbidden(rightsMessages.notAParty);
  } else if (associationRoles.includes(grant.role)) {
    // Another förbund answers as missing, as it always did; a system administrator is told why.
    if (!(admin && grant.associationId === actor.organisationId)) {
      if (system) throw forbidden(rightsMessages.associationRole);
      throw notFound();
    }
    if (!ownStaff) throw forbidden(rightsMessages.associationRole);
  } else if (grant.role === 'org_admin') {
    if (ownStaff) return;
    if (!system) throw forbidden(rightsMessages.organisationRole);
    if (grant.organisationHasAdmin) throw forbidden(rightsMessages.firstAdminOnly);
  } else if (!ownStaff) {
    throw forbidden(rightsMessages.organisationRole);
  }
}

/** Throws the answer to a removal the actor may not make; returns when it may. */
export function checkRemoval(actor: Actor, user: TargetUser, assignment: RemovalFacts): void {
  checkNotSelf(actor, user.id);
  const { system, admin, ownStaff } = who(actor, user);
  const ownsIntervention = admin && assignment.interventionOwnerOrgId === actor.organisationId;
  if (!(system || ownStaff || ownsIntervention)) throw notFound();
  if (user.holdsSystemAdmin && !system) throw forbidden(rightsMessages.systemAccount);
  if (assignment.role === 'system_admin') {
    if (!system) throw forbidden(rightsMessages.systemRole);
  } else if (interventionRoles.includes(assignment.role)) {
    if (!(ownStaff || ownsIntervention)) throw forbidden(rightsMessages.caseWorkOwner);
  } else if (associationRoles.includes(assignment.role)) {
    if (!(ownStaff || (admin && assignment.associationId === actor.organisationId))) throw forbidden(rightsMessages.associationRole);
  } else if (!ownStaff) {
    throw forbidden(rightsMessages.organisationRole);
  }
}

/** Renaming, deactivating or reactivating an account: the user's own organisation's admin, or a system administrator. */
export function checkAccountChange(actor: Actor, user: TargetUser): void {
  const { system, admin, ownStaff } = who(actor, user);
  if (!(system || ownStaff || (admin && user.worksForActor))) throw notFound();
  if (!(system || ownStaff)) throw forbidden(rightsMessages.foreignAccount);
  if (user.holdsSystemAdmin && !system) throw forbidden(rightsMessages.systemAccount);
}

/**
 * Resetting a user's password to a temporary one (the user's sessions end, and the user must
 * choose a new password at the next login): the user's own organisation's org_admin; a system
 * administrator only for another system administrator's account, since a reset lets whoever sets
 * the password sign in as the user, and a system administrator must not reach person data that
 * way. Never one's own password: that is changed with the current one (POST /auth/password).
 */
export function checkPasswordReset(actor: Actor, user: TargetUser): void {
  if (user.id === actor.userId) throw forbidden(rightsMessages.ownPassword);
  const { system, admin, ownStaff } = who(actor, user);
  if (!(system || ownStaff || (admin && user.worksForActor))) throw notFound();
  if (user.holdsSystemAdmin) {
    if (!system) throw forbidden(rightsMessages.systemAccount);
    return;
  }
  if (!ownStaff) throw forbidden(system ? rightsMessages.staffPassword : rightsMessages.foreignAccount);
}

/** What grantableRoles needs to know of the actor's own organisation. */
export type GrantableFacts = { organisationIsAssociation: boolean };

/**
 * The roles the actor can grant to anyone at all, as `can.grantableRoles` in GET /auth/me: the web
 * app offers only these. The same rules as checkGrant, without a target: that still decides each
 * grant. A förbund owns no interventions, so its admin gives the förbund's roles, not case work.
 */
export function grantableRoles(actor: Actor, facts: GrantableFacts): Role[] {
  const system = hasRole(actor, 'system_admin');
  const admin = hasRole(actor, 'org_admin');
  return roles.filter((role) => {
    if (role === 'system_admin') return system;
    if (role === 'org_admin') return system || admin;
    if (associationRoles.includes(role)) return admin && facts.organisationIsAssociation;
    if (interventionRoles.includes(role)) return admin && !facts.organisationIsAssociation;
    return admin;
  });
}
