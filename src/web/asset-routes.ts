import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { Errors } from '../domain/errors.js';
import { assetTable } from './assets.js';

/** Versioned or hash-named URLs never change their bytes: a browser may keep them a year. */
const FOREVER = 'public, max-age=31536000, immutable';

const AssetParams = Type.Object({ '*': Type.String({ maxLength: 200 }) });

/**
 * `GET /assets/*`: the pages' static files from memory, compressed once (brotli, else gzip,
 * else as they are), with an ETag for a browser that revalidates anyway.
 */
export async function assetRoutes(app: FastifyInstance) {
  app.get<{ Params: { '*': string } }>(
    '/assets/*',
    { config: { cacheable: true, public: true }, schema: { hide: true, params: AssetParams } },
    async (request, reply) => {
      const pending = assetTable().file(request.params['*']);
      if (!pending) throw Errors.notFound('No such file.');
      const asset = await pending;
      reply.header('content-type', asset.type).header('cache-control', FOREVER).header('etag', asset.etag);
      reply.header('vary', 'accept-encoding');
      if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
      const accepts = String(request.headers['accept-encoding'] ?? '');
      if (asset.brotli !== asset.body && /\bbr\b/.test(accepts)) {
        return reply.header('content-encoding', 'br').send(asset.brotli);
      }
      if (asset.gzip !== asset.body && /\bgzip\b/.test(accepts)) {
        return reply.header('content-encoding', 'gzip').send(asset.gzip);
      }
      return reply.send(asset.body);
    },
  );
}
