import QRCode from 'qrcode';
import { z } from 'zod';
import { contextOf } from '../http/auth.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { createLink } from './create-link.ts';
import { getLink } from './get-link.ts';
import { listLinks } from './list-links.ts';
import { CreateLinkInput, ListLinksInput, UpdateLinkInput } from './schemas.ts';
import { toLinkDto } from './to-link-dto.ts';
import { updateLink } from './update-link.ts';

const IdParams = z.strictObject({ id: z.string().min(1).max(100) });
const QrQuery = z.strictObject({ size: z.coerce.number().int().min(64).max(2048).default(512) });

export function linkRoutes(app: App, { database, config }: RouteDeps): void {
  const baseUrl = (r: { protocol: string; host: string }) => config.publicUrl ?? `${r.protocol}://${r.host}`;
  const tags = ['links'];

  app.post('/api/v1/links', { schema: { tags, summary: 'Create a tracking link', body: CreateLinkInput } }, async (request, reply) => {
    const row = await createLink({ ctx: contextOf(request, database), input: request.body });
    return reply.status(201).send({ link: toLinkDto(row, baseUrl(request)) });
  });
  app.get('/api/v1/links', { schema: { tags, summary: 'List tracking links', querystring: ListLinksInput } }, async (request) => {
    const { rows, nextCursor } = await listLinks({ ctx: contextOf(request, database), input: request.query });
    return { data: rows.map((r) => toLinkDto(r, baseUrl(request))), nextCursor };
  });
  app.get('/api/v1/links/:id', { schema: { tags, summary: 'Get a tracking link', params: IdParams } }, async (request) => ({
    link: toLinkDto(await getLink({ ctx: contextOf(request, database), input: request.params }), baseUrl(request)),
  }));
  app.patch(
    '/api/v1/links/:id',
    { schema: { tags, summary: 'Update, disable or re-enable a link', params: IdParams, body: UpdateLinkInput } },
    async (request) => ({
      link: toLinkDto(await updateLink({ ctx: contextOf(request, database), input: { id: request.params.id, patch: request.body } }), baseUrl(request)),
    }),
  );
  app.get('/api/v1/links/:id/qr.svg', { schema: { tags, summary: 'QR code of the short URL (SVG)', params: IdParams } }, async (request, reply) => {
    const link = await getLink({ ctx: contextOf(request, database), input: request.params });
    const svg = await QRCode.toString(`${baseUrl(request)}/r/${link.code}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return reply.type('image/svg+xml').header('cache-control', 'private, max-age=3600').send(svg);
  });
  app.get(
    '/api/v1/links/:id/qr.png',
    { schema: { tags, summary: 'QR code of the short URL (PNG)', params: IdParams, querystring: QrQuery } },
    async (request, reply) => {
      const link = await getLink({ ctx: contextOf(request, database), input: request.params });
      const png = await QRCode.toBuffer(`${baseUrl(request)}/r/${link.code}`, { type: 'png', width: request.query.size, errorCorrectionLevel: 'M', margin: 2 });
      return reply.type('image/png').header('cache-control', 'private, max-age=3600').send(png);
    },
  );
}
