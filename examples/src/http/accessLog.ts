import { appendFileSync } from 'node:fs';
import type { Server } from 'node:http';

/** Appends one line per request to an access log file. */
export function logRequests(server: Server, file: string): void {
  server.on('request', (request) => {
    appendFileSync(file, `${new Date().toISOString()} ${request.method ?? '?'} ${request.url ?? '/'}\n`); // expect: no-sync-io-in-async — every request waits for the disk write, in a request listener
  });
  process.on('exit', () => {
    appendFileSync(file, `${new Date().toISOString()} exit\n`); // ok: no-sync-io-in-async — an 'exit' listener must be synchronous
  });
}
