import { connect, createServer, Server, Socket } from 'node:net';
import { createTestApp, TestApp } from './app';
import { closedPort } from './closed-port';

/**
 * The app reaching PostgreSQL through a TCP relay the test owns, so closing the relay is a real
 * outage (refused and reset sockets), not a mock. `lose()` cuts it, `restore()` opens it again;
 * `close()` ends the app and the relay and puts DATABASE_URL back.
 */
export interface DatabaseRelay {
  t: TestApp;
  lose(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function appBehindDatabaseRelay(): Promise<DatabaseRelay> {
  const databaseUrl = process.env.DATABASE_URL as string;
  const sockets = new Set<Socket>();
  const port = await closedPort();
  let relay: Server;
  const restore = () =>
    new Promise<void>((resolve) => {
      relay = createServer((client) => {
        const upstream = connect(5432, '127.0.0.1');
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      relay.listen(port, '127.0.0.1', resolve);
    });
  const lose = () =>
    new Promise<void>((resolve) => {
      relay.close(() => resolve());
      for (const s of sockets) s.destroy();
    });

  await restore();
  const url = new URL(databaseUrl);
  url.port = String(port);
  process.env.DATABASE_URL = url.toString();
  const t = await createTestApp();
  return {
    t,
    lose,
    restore,
    async close() {
      if (!relay.listening) await restore();
      await t.close();
      await lose();
      process.env.DATABASE_URL = databaseUrl;
    },
  };
}
