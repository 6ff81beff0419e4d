/**
 * The monitor's scheduler inside the server process (`npm start`): on by default, on the
 * store the environment names (the embedded SQLite file unless DATABASE_URL is set); off
 * with SPFKIT_SCHEDULER=0 or `--no-scheduler`. It never takes the server down: a store that
 * cannot be opened is logged and tried again, a setting that cannot work is logged once,
 * and the scheduler itself logs and retries DNS and store failures. Each check's events are
 * posted to the store's webhooks (alerts.ts). With SPFKIT_DIGEST_SMTP set, the operators' digest
 * is sent on its schedule (digest.ts); a digest setting that cannot work is logged, the rest runs.
 */
import type { ProviderCatalogue } from '../record/providers.ts';
import type { Resolver } from '../dns/resolver.ts';
import { StoreSettingError, openStore, storeLocation } from '../monitor/open.ts';
import { type SchedulerClock, type SchedulerLog, createScheduler, systemClock } from '../monitor/scheduler.ts';
import type { MonitorStore } from '../monitor/store.ts';
import { sendWebhooks } from '../monitor/alerts.ts';
import { type DigestSettings, DigestSettingError, digestSettings, nextDigestAt, runDigest } from '../monitor/digest.ts';

/**
 * Whether the scheduler runs: SPFKIT_SCHEDULER=0/false/off or the `--no-scheduler` flag turn it off.
 * Throws an Error naming the variable for any other value than 1/true/on.
 *
 * @example
 * schedulerEnabled({ SPFKIT_SCHEDULER: '0' }, []); // false
 */
export function schedulerEnabled(env: Readonly<Record<string, string | undefined>>, argv: readonly string[]): boolean {
  if (argv.includes('--no-scheduler')) return false;
  const value = (env.SPFKIT_SCHEDULER ?? '').trim().toLowerCase();
  if (['', '1', 'true', 'on'].includes(value)) return true;
  if (['0', 'false', 'off'].includes(value)) return false;
  throw new Error(`SPFKIT_SCHEDULER must be 1/true/on or 0/false/off, got "${env.SPFKIT_SCHEDULER ?? ''}"`);
}

export interface ServerMonitorOptions {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  resolver: Resolver;
  catalogue: ProviderCatalogue;
  log: SchedulerLog;
  clock?: SchedulerClock;
  /** Pause before opening the store again after it failed (default 60 s). */
  reopenMs?: number;
}

/** The running monitor; `stop()` ends the scheduler and closes the store. */
export interface ServerMonitor {
  stop(): Promise<void>;
}

/**
 * Starts the scheduler in the background and returns at once.
 *
 * @example
 * const monitor = startServerMonitor({ env: process.env, cwd: process.cwd(), resolver, catalogue, log: app.log });
 * app.addHook('onClose', () => monitor.stop());
 */
export function startServerMonitor(options: ServerMonitorOptions): ServerMonitor {
  const clock = options.clock ?? systemClock;
  const stopping = new AbortController();
  let store: MonitorStore | undefined;
  const scheduler = { current: undefined as ReturnType<typeof createScheduler> | undefined };

  const running = (async () => {
    while (!stopping.signal.aborted) {
      try {
        const location = storeLocation({ env: options.env, cwd: options.cwd });
        store = await openStore(location);
        options.log.info({ store: location.kind === 'sqlite' ? location.file : 'postgres' }, 'monitor store open');
        break;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof StoreSettingError) {
          options.log.error({ setting: error.setting, err: message }, 'monitor scheduler not started');
          return;
        }
        options.log.error({ err: message }, 'monitor store could not be opened; trying again');
        await clock.sleep(options.reopenMs ?? 60_000, stopping.signal);
      }
    }
    if (store === undefined || stopping.signal.aborted) return;
    const open = store;
    // Webhooks are posted beside the scheduler, not in its slots: a slow receiver's retries hold up no check.
    const onChecked = (outcome: { events: Parameters<typeof sendWebhooks>[1] }): void => {
      if (outcome.events.length === 0) return;
      sendWebhooks(open, outcome.events).catch((error: unknown) => options.log.error({ err: error instanceof Error ? error.message : String(error) }, 'monitor webhooks failed'));
    };
    scheduler.current = createScheduler({ store, check: { resolver: options.resolver, catalogue: options.catalogue }, clock, log: options.log, onChecked });
    scheduler.current.start(stopping.signal);
    let digest: DigestSettings | undefined;
    try {
      digest = digestSettings(options.env);
    } catch (error) {
      if (!(error instanceof DigestSettingError)) throw error;
      options.log.error({ setting: error.setting, err: error.message }, 'monitor digest not started');
    }
    if (digest) await digestLoop(open, digest);
  })();

  /** Sends the digest each time its schedule fires, until stopped; a failure is logged and the next firing tries again. */
  async function digestLoop(open: MonitorStore, settings: DigestSettings): Promise<void> {
    options.log.info({ schedule: settings.schedule.text, operators: settings.operators.length }, 'monitor digest on');
    while (!stopping.signal.aborted) {
      const now = clock.now();
      const at = nextDigestAt(settings.schedule, now);
      if (at === undefined) return;
      await clock.sleep(at.getTime() - now.getTime(), stopping.signal);
      if (stopping.signal.aborted) return;
      try {
        const run = await runDigest(open, settings);
        const failed = 'results' in run ? run.results.filter((r) => !r.ok) : [];
        options.log[failed.length > 0 ? 'warn' : 'info']({ digest: run.kind, ...('events' in run ? { events: run.events } : {}), ...(failed.length > 0 ? { failed } : {}) }, 'monitor digest');
      } catch (error) {
        options.log.error({ err: error instanceof Error ? error.message : String(error) }, 'monitor digest failed');
      }
    }
  }

  return {
    async stop() {
      stopping.abort();
      await running;
      await scheduler.current?.stop();
      await store?.close();
    },
  };
}
