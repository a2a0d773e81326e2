import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * One PGlite (Postgres compiled to WebAssembly) per proof file, served on
 * the Postgres wire protocol on 127.0.0.1, so the real `pg` client talks to
 * it as to any Postgres. PGlite runs one query at a time for all its
 * connections (the socket server queues them), which a proof must keep in
 * mind: a pool's queries reach the server together, but do not run at the
 * same instant there.
 */
export interface ServedPGlite {
  db: PGlite;
  server: PGLiteSocketServer;
  connectionString: string;
  stop: () => Promise<void>;
}

export async function servePGlite(maxConnections = 4): Promise<ServedPGlite> {
  const db = await PGlite.create();
  for (let attempt = 0; ; attempt++) {
    const port = 40_000 + Math.floor(Math.random() * 20_000);
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections });
    try {
      await server.start();
    } catch (error) {
      if (attempt < 5) continue;
      throw error;
    }
    return {
      db,
      server,
      connectionString: `postgres://postgres:postgres@127.0.0.1:${String(port)}/postgres?sslmode=disable`,
      stop: async () => {
        await server.stop();
        await db.close();
      },
    };
  }
}
