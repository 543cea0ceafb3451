export { portalAccessRoutes } from './access-routes.ts';
export { portalRoutes } from './portal-routes.ts';
export { CREATOR_COOKIE } from './creator-auth.ts';
export { inviteCreator, type InvitationDto } from './invite-creator.ts';
export { getPortalAccess, type PortalAccessDto } from './get-portal-access.ts';
export { revokePortalAccess } from './revoke-portal-access.ts';
export type { CreatorContext } from './creator-context.ts';
export { pruneExpiredCreatorSessions } from './creator-sessions.ts';
