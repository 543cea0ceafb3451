import { contextOf } from '../http/auth.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { getPortalAccess } from './get-portal-access.ts';
import { inviteCreator } from './invite-creator.ts';
import { revokePortalAccess } from './revoke-portal-access.ts';
import { IdParams, InviteCreatorInput } from './schemas.ts';

/** The brand's side of the portal: invite a creator, see and end their access (brand auth). */
export function portalAccessRoutes(app: App, { database, config }: RouteDeps): void {
  const tags = ['creator portal'];
  const baseUrl = (r: { protocol: string; host: string }) => config.publicUrl ?? `${r.protocol}://${r.host}`;
  app.post(
    '/api/v1/influencers/:id/invite',
    {
      schema: {
        tags,
        summary: 'Invite a creator to the portal: emails a one-time link (valid 7 days); the answer has the link too, to copy when email is not set up',
        params: IdParams,
        body: InviteCreatorInput.nullish(),
      },
    },
    async (request, reply) => {
      const invitation = await inviteCreator({ ctx: contextOf(request, database), input: { influencerId: request.params.id, baseUrl: baseUrl(request), body: request.body } });
      return reply.status(201).send({ invitation });
    },
  );
  app.get('/api/v1/influencers/:id/portal-access', { schema: { tags, summary: "A creator's portal access: invited, accepted, last login", params: IdParams } }, async (request) =>
    getPortalAccess({ ctx: contextOf(request, database), input: { influencerId: request.params.id } }),
  );
  app.delete('/api/v1/influencers/:id/portal-access', { schema: { tags, summary: "End a creator's portal access (account, sessions, pending invitation)", params: IdParams } }, async (request) =>
    revokePortalAccess({ ctx: contextOf(request, database), input: { influencerId: request.params.id } }),
  );
}
