import type { DatabaseHandle } from '../db/client.js';
import type { Repositories } from '../repositories/index.js';

/** What every use case is given: the repositories, the transaction runner and the clock. */
export interface ServiceContext {
  repos: Repositories;
  transaction: DatabaseHandle['transaction'];
  now: () => Date;
  scryptLogN: number;
  sessionHours: number;
  sessionIdleMinutes: number;
}

export const isoNow = (ctx: Pick<ServiceContext, 'now'>) => ctx.now().toISOString();
