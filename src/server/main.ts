#!/usr/bin/env node
/**
 * Starts the spfkit HTTP server: `node dist/server/main.js` (or `node --import tsx
 * src/server/main.ts`). Settings come from the environment (see env.ts: PORT, HOST,
 * DNS_SERVERS, DNS_TIMEOUT, TRUST_PROXY, RATE_MAX, LOG_LEVEL); logs are JSON lines on stdout.
 * The monitor's scheduler runs beside it (monitor.ts; off with SPFKIT_SCHEDULER=0 or --no-scheduler).
 * SIGINT/SIGTERM close it gracefully (requests in flight finish, new ones get 503).
 */
import { readFileSync } from 'node:fs';
import { systemResolver } from '../dns/system.ts';
import { zoneFromText, zoneResolver } from '../dns/zone.ts';
import { openStore, storeLocation } from '../monitor/open.ts';
import { serverEnv } from './env.ts';
import { type ServerMonitor, schedulerEnabled, startServerMonitor } from './monitor.ts';
import { createServer, loadCatalogue } from './server.ts';
import { LISTEN_BACKLOG, warmUp } from './warm-up.ts';

let settings;
let scheduler: boolean;
try {
  settings = serverEnv(process.env);
  scheduler = schedulerEnabled(process.env, process.argv.slice(2));
  if (settings.zoneFile !== undefined) {
    settings.options.resolver = zoneResolver(zoneFromText(readFileSync(settings.zoneFile, 'utf8')), { log: false });
  }
  // The monitor's store: the same data folder as the CLI (SPFKIT_DATA_DIR, XDG_DATA_HOME, ~/.local/share/spfkit), opened on first use.
  // A bad DATABASE_URL answers the monitor's routes with 503; the public checker still starts.
  const cwd = process.cwd();
  settings.options.monitor = { open: async () => openStore(storeLocation({ env: process.env, cwd })) };
} catch (error) {
  console.error(`spfkit server: ${(error as Error).message}`);
  process.exit(2);
}

const app = createServer(settings.options);
let monitor: ServerMonitor | undefined;
try {
  await warmUp(app);
  const address = await app.listen({ port: settings.port, host: settings.host, backlog: LISTEN_BACKLOG });
  app.log.info({ url: address }, `spfkit listening on ${address}`);
  if (scheduler) {
    monitor = startServerMonitor({
      env: process.env,
      cwd: process.cwd(),
      resolver: settings.options.resolver ?? systemResolver(settings.options.dns ?? {}),
      catalogue: loadCatalogue(),
      log: app.log,
    });
  } else app.log.info({}, 'monitor scheduler off');
} catch (error) {
  app.log.fatal({ err: error }, 'could not start');
  process.exit(1);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down');
    // The scheduler finishes the checks in flight while the server drains its requests.
    Promise.all([app.close(), monitor?.stop()]).then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
