/**
 * The options every command shares: --json, --lang, --help and the DNS options --dns,
 * --timeout, --zone, --record. Builds the resolver a command uses and, with --record, saves
 * the answers it used afterwards.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { ParseArgsConfig } from 'node:util';
import { cachingResolver } from '../dns/cache.ts';
import { recordingResolver } from '../dns/recorder.ts';
import type { Resolver } from '../dns/resolver.ts';
import { parseDnsServer, systemResolver } from '../dns/system.ts';
import { type ResolverProbe, resolverProbe } from '../dns/health.ts';
import { zoneFromText, zoneResolver } from '../dns/zone.ts';
import { usage } from './io.ts';

export const DNS_OPTIONS = {
  dns: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  zone: { type: 'string' },
  record: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** --json, --lang, --help and the DNS options: what every command takes. */
export const COMMAND_OPTIONS = {
  json: { type: 'boolean', default: false },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  ...DNS_OPTIONS,
} as const satisfies ParseArgsConfig['options'];

export interface DnsOptionValues {
  dns?: string[];
  timeout?: string;
  zone?: string;
  record?: string;
}

export interface CliDns {
  resolver: Resolver;
  /** Probes the resolver the --dns servers (or the system's) stand for; none with --zone. */
  probe?: ResolverProbe;
  /** Writes the --record file, if one was asked for. */
  finish(): Promise<void>;
}

export async function resolverFromOptions(values: DnsOptionValues): Promise<CliDns> {
  let timeout: number | undefined;
  if (values.timeout !== undefined) {
    timeout = Number(values.timeout);
    if (!Number.isInteger(timeout) || timeout < 1 || timeout > 60000) throw usage('usage.dns.timeout', { text: values.timeout });
  }
  let base: Resolver;
  let probe: ResolverProbe | undefined;
  if (values.zone !== undefined) {
    if (values.dns) throw usage('usage.dns.zone-and-dns');
    let text: string;
    try {
      text = await readFile(values.zone, 'utf8');
    } catch (error) {
      throw usage('usage.dns.zone-unreadable', { name: values.zone, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
    try {
      base = zoneResolver(zoneFromText(text), { log: false });
    } catch (error) {
      throw usage('usage.dns.zone-invalid', { name: values.zone, detail: (error as Error).message });
    }
  } else {
    for (const server of values.dns ?? []) {
      try {
        parseDnsServer(server);
      } catch (error) {
        throw usage('usage.dns.server', { name: server, detail: (error as Error).message });
      }
    }
    base = systemResolver({ ...(values.dns ? { servers: values.dns } : {}), ...(timeout !== undefined ? { timeout } : {}) });
    probe = resolverProbe({ ...(values.dns ? { servers: values.dns } : {}), ...(timeout !== undefined ? { timeout } : {}) });
  }
  const cached = cachingResolver(base);
  const probed = probe ? { probe } : {};
  if (values.record === undefined) return { resolver: cached, ...probed, finish: async () => {} };
  const recorder = recordingResolver(cached);
  const path = values.record;
  return {
    resolver: recorder,
    ...probed,
    finish: async () => {
      try {
        await writeFile(path, recorder.toText());
      } catch (error) {
        throw usage('usage.dns.unwritable', { name: path, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
      }
    },
  };
}
