import { access } from 'node:fs/promises';

import { getConfig } from '../config.js';
import type { Router } from '../http/router.js';

type HealthCheck = () => Promise<{ readonly healthy: boolean; readonly detail: string }>;

const checks = {
  async memory() { // ok: no-needless-async — `satisfies Record<string, HealthCheck>` makes the promise part of the contract
    const heapUsedMb = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
    return { healthy: heapUsedMb < 512, detail: `${heapUsedMb} MB heap used` };
  },
  async dataDir() {
    const config = await getConfig(); // ok: no-trivial-await — getConfig never awaits, but it is exported and declares Promise<ServiceConfig>: a promise of its API (no-needless-async judges the declaration)
    const reachable = await access(config.dataDir).then( // ok: no-trivial-await — real file-system check
      () => true,
      () => false,
    );
    return { healthy: reachable, detail: config.dataDir };
  },
} satisfies Record<string, HealthCheck>;

export function registerHealthRoutes(router: Router): void {
  router.get('/health/live', async () => ({ status: 200, body: { status: 'ok' } })); // ok: no-needless-async — a RouteHandler must return a Promise

  router.get('/health/ready', async () => {
    const results = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => ({ name, ...(await check()) })), // ok: no-trivial-await — `check` may be dataDir, which does real I/O
    );
    const healthy = results.every((result) => result.healthy);
    return { status: healthy ? 200 : 503, body: { healthy, checks: results } };
  });
}
