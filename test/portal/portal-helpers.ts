import type { LightMyRequestResponse } from 'fastify';
import type { TestEnv } from '../helpers/engines.ts';

export const PASSWORD = 'a long creator password';

/** The text of a raw MIME message with quoted-printable soft breaks and escapes undone. */
export function decodeMail(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The headers a browser sends for a creator: the adv_creator cookie and, for writes, the CSRF token. */
export function creatorHeaders(res: LightMyRequestResponse): Record<string, string> {
  const cookie = res.cookies.find((c) => c.name === 'adv_creator');
  if (!cookie) throw new Error(`no adv_creator cookie: ${res.statusCode} ${res.body}`);
  return { cookie: `adv_creator=${cookie.value}`, 'x-csrf-token': res.json().csrfToken };
}

/** Invites a creator (by the brand) and accepts the invitation; returns the creator's headers. */
export async function inviteAndAccept(env: TestEnv, auth: Record<string, string>, influencerId: string, email: string) {
  const invite = await env.app.inject({ method: 'POST', url: `/api/v1/influencers/${influencerId}/invite`, headers: auth, payload: { email } });
  if (invite.statusCode !== 201) throw new Error(invite.body);
  const token = new URL(invite.json().invitation.acceptUrl).searchParams.get('token');
  const accepted = await env.app.inject({ method: 'POST', url: '/api/v1/portal/accept', payload: { token, password: PASSWORD } });
  if (accepted.statusCode !== 200) throw new Error(accepted.body);
  return { headers: creatorHeaders(accepted), creator: accepted.json().creator, invitation: invite.json().invitation };
}
