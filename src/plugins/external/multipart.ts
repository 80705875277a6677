import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config/env.js';

/** multipart/form-data for draft and annex uploads, bounded by the configured limits. */
async function multipartPlugin(app: FastifyInstance, opts: { config: Config }) {
  await app.register(multipart, {
    limits: {
      fileSize: opts.config.maxUploadBytes,
      files: 2,
      fields: 10,
      fieldSize: 10_000,
      parts: 12,
      headerPairs: 200,
    },
    throwFileSizeLimit: true,
  });
}

export default fp(multipartPlugin, { name: 'multipart-setup' });
