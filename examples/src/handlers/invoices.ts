import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import type { ServiceConfig } from '../config.js';
import { HttpError, type Router } from '../http/router.js';

/** The footer every invoice ends with; a plain synchronous helper. */
function readInvoiceFooter(config: ServiceConfig): string {
  return readFileSync(path.join(config.dataDir, 'templates', 'footer.html'), 'utf8'); // ok: no-sync-io-in-async — a synchronous function: only the function a call sits in counts, not its callers
}

export function registerInvoiceRoutes(router: Router, config: ServiceConfig): void {
  router.get('/orders/:id/invoice', async (request) => {
    const file = path.join(config.dataDir, 'invoices', `${request.params.id ?? 'unknown'}.html`);
    if (!existsSync(file)) throw new HttpError(404, 'No invoice for this order'); // expect: no-sync-io-in-async — a blocking stat on every request, and existsSync has no promise form
    const html = readFileSync(file, 'utf8') + readInvoiceFooter(config); // expect: no-sync-io-in-async — suggestion: `await readFile(file, 'utf8')` from node:fs/promises
    return { status: 200, body: { html, gzippedBytes: gzipSync(html).length } }; // expect: no-sync-io-in-async — compressing the whole invoice on the event loop; suggestion: `await promisify(gzip)(html)`
  });
}
