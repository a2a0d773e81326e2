import { createReadStream, readdir, readFile, stat, unlink } from 'node:fs';
import path from 'node:path';

import { Logger } from '../util/logger.js';

const log = new Logger('archive');

/**
 * The invoice archive: PDFs written by the old billing system, read with
 * the callback API it was built on.
 */
export function readArchivedInvoice(dir: string, id: string, done: (error: Error | null, pdf?: Buffer) => void): void {
  readFile(path.join(dir, `${id}.pdf`), (err, pdf) => { // expect: handle-callback-error — a missing invoice is sent on as undefined
    done(null, pdf);
  });
}

/** Bytes the archive holds, for the health page. */
export function reportArchiveSize(dir: string): void {
  stat(dir, (problem, stats) => { // expect: handle-callback-error — stat hands its error to the first parameter, whatever it is called
    log.info('archive size', { bytes: stats.size });
  });
}

export function readArchivedInvoiceChecked(dir: string, id: string, done: (error: Error | null, pdf?: Buffer) => void): void {
  readFile(path.join(dir, `${id}.pdf`), (err, pdf) => { // ok: handle-callback-error — the error is passed on
    if (err) return done(err);
    done(null, pdf);
  });
}

/** Streams an invoice to a sink; a broken file ends the stream with an 'error' event. */
export function streamInvoice(file: string, sink: NodeJS.WritableStream): void {
  const stream = createReadStream(file);
  stream.on('error', (err) => { // ok: handle-callback-error — an 'error' listener: the event is the error, and ending the sink handles it
    log.warn('invoice stream failed', { file });
    sink.end();
  });
  stream.pipe(sink);
}

/** Removes a lock file that may already be gone. */
export function releaseArchiveLock(dir: string): void {
  unlink(path.join(dir, '.lock'), (_err) => { // ok: handle-callback-error — the underscore says the error is not wanted
    log.info('archive lock released');
  });
}

/** How many invoices the archive holds, for the admin page. */
export function countArchivedInvoices(dir: string): number {
  let count = 0;
  readdir(dir, (err, files) => {
    if (err) throw err;
    count = files.length;
  });
  return count; // expect: no-premature-async-read — readdir answers after this function has returned: always 0
}

export async function countArchivedInvoicesAwaited(dir: string): Promise<number> {
  let count = 0;
  await new Promise<void>((resolve, reject) => {
    readdir(dir, (err, files) => {
      if (err) return reject(err);
      count = files.length;
      resolve();
    });
  });
  return count; // ok: no-premature-async-read — read after the promise that the callback settles is awaited
}
