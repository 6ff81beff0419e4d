#!/usr/bin/env node
/**
 * Starts the spfkit HTTP server: `node dist/server/main.js` (or `node --import tsx
 * src/server/main.ts`). Settings come from the environment (see env.ts: PORT, HOST,
 * DNS_SERVERS, DNS_TIMEOUT, TRUST_PROXY, RATE_MAX, LOG_LEVEL); logs are JSON lines on stdout.
 * SIGINT/SIGTERM close it gracefully (requests in flight finish, new ones get 503).
 */
import { readFileSync } from 'node:fs';
import { zoneFromText, zoneResolver } from '../dns/zone.ts';
import { serverEnv } from './env.ts';
import { createServer } from './server.ts';
import { LISTEN_BACKLOG, warmUp } from './warm-up.ts';

let settings;
try {
  settings = serverEnv(process.env);
  if (settings.zoneFile !== undefined) {
    settings.options.resolver = zoneResolver(zoneFromText(readFileSync(settings.zoneFile, 'utf8')), { log: false });
  }
} catch (error) {
  console.error(`spfkit server: ${(error as Error).message}`);
  process.exit(2);
}

const app = createServer(settings.options);
try {
  await warmUp(app);
  const address = await app.listen({ port: settings.port, host: settings.host, backlog: LISTEN_BACKLOG });
  app.log.info({ url: address }, `spfkit listening on ${address}`);
} catch (error) {
  app.log.fatal({ err: error }, 'could not start');
  process.exit(1);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
