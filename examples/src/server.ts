import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { loadSecrets, readConfig, type ServiceConfig } from './config.js';
import { FileOrderRepository } from './data/orderRepository.js';
import { TtlCache } from './data/ttlCache.js';
import type { Order } from './domain/order.js';
import { registerHealthRoutes } from './handlers/health.js';
import { registerOrderRoutes } from './handlers/orders.js';
import { HttpError, Router } from './http/router.js';
import { Logger } from './util/logger.js';

export interface ServerOptions {
  readonly config?: ServiceConfig;
  /** Runs before the server accepts connections (tests seed data here); may be async. */
  readonly prepare: (config: ServiceConfig) => void;
  /** Called once the server accepts connections; may be async. */
  readonly onListening?: (port: number) => void;
}

const log = new Logger('server');

/** Runs every registered hook on shutdown; hooks may close connections, so each returns a promise. */
export class ShutdownHooks {
  readonly #hooks: (() => Promise<void>)[] = [];

  register(hook: () => Promise<void>): void {
    this.#hooks.push(hook);
  }

  async runAll(): Promise<void> {
    const results = await Promise.allSettled(this.#hooks.map((hook) => hook()));
    for (const result of results) {
      if (result.status === 'rejected') log.error('shutdown hook failed', { reason: String(result.reason) });
    }
  }
}

export async function startServer(options: ServerOptions, shutdown: ShutdownHooks): Promise<Server> {
  const config = await Promise.resolve(options.config ?? readConfig(process.env)); // expect: no-trivial-await — Promise.resolve of a plain value
  const secrets = await loadSecrets(config); // ok: no-trivial-await — reads the secrets file
  log.info('secrets loaded', { tokenLength: secrets.paymentApiToken.length });

  const orderCache = new TtlCache<Order>(config.cacheTtlMs);
  const customerOrdersCache = new TtlCache<readonly Order[]>(config.cacheTtlMs);
  const router = new Router();
  registerHealthRoutes(router);
  registerOrderRoutes(router, {
    config,
    repository: new FileOrderRepository(config.dataDir),
    orderCache,
    customerOrdersCache,
  });

  shutdown.register(async () => { // ok: no-needless-async — register() expects a function returning Promise<void>
    orderCache.clear();
    customerOrdersCache.clear();
  });

  const server = createServer((request, response) => {
    void handle(router, request, response);
  });
  await options.prepare(config); // ok: no-trivial-await — a `(config) => void` option may hold an async function
  await new Promise<void>((resolve) => server.listen(config.port, resolve)); // ok: no-trivial-await — resolved by the listen callback
  await options.onListening?.(config.port); // ok: no-trivial-await — same as `prepare` above: a `=> void` property may hold an async function
  shutdown.register(() => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))));
  return server;
}

async function handle(router: Router, request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    const body = await readJsonBody(request); // ok: no-trivial-await — reads the request stream
    const url = new URL(request.url ?? '/', 'http://localhost');
    const result = await router.dispatch(request.method ?? 'GET', url.pathname, body); // ok: no-trivial-await — dispatch returns the handler's promise
    send(response, result.status, result.body);
  } catch (error) {
    const status = error instanceof HttpError ? error.status : 500;
    if (status === 500) log.error('request failed', { url: request.url, error: String(error) });
    send(response, status, { error: error instanceof Error ? error.message : 'Internal error' });
  }
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON');
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
