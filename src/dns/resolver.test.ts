/**
 * Runs the shared Resolver contract (resolver.contract.ts) against every implementation.
 * Module-specific tests live beside each module (zone, system, cache, recorder).
 */
import { resolverContract } from './resolver.contract.ts';
import type { DnsAnswer, RecordData, Resolver, RrType } from './resolver.ts';
import { zoneFromText, zoneResolver } from './zone.ts';
import { systemResolver } from './system.ts';
import { cachingResolver } from './cache.ts';
import { recordingResolver } from './recorder.ts';
import { startDnsServer } from '../../test/support/dns-server.ts';

resolverContract('zoneResolver', async (zone) => ({ resolver: zoneResolver(zone), close() {} }));

resolverContract('systemResolver → loopback DNS server', async (zone) => {
  const server = await startDnsServer(zone);
  // tries 1 and a short timeout, so the TIMEOUT cases end quickly.
  const resolver = systemResolver({ servers: [server.address], timeout: 300, tries: 1 });
  return { resolver, close: () => server.stop() };
});

// A server that answers a CNAME alone (an authoritative server whose target is out of its
// zone): c-ares sees NODATA, the system resolver must follow the chain itself (issue 17.4).
resolverContract('systemResolver → loopback DNS server answering one CNAME step', async (zone) => {
  const server = await startDnsServer(zone, { cnames: 'one-step' });
  const resolver = systemResolver({ servers: [server.address], timeout: 300, tries: 1 });
  return { resolver, close: () => server.stop(), cnameTtls: false };
});

resolverContract('cachingResolver(zoneResolver)', async (zone) => ({ resolver: cachingResolver(zoneResolver(zone)), close() {} }));

resolverContract('recordingResolver(zoneResolver), replayed offline', async (zone) => {
  const recorder = recordingResolver(zoneResolver(zone, { log: false }));
  // Each answer comes from a fresh replay of everything recorded so far.
  const replaying: Resolver = {
    async query<T extends RrType>(name: string, type: T): Promise<DnsAnswer<RecordData[T]>> {
      await recorder.query(name, type);
      return zoneResolver(zoneFromText(recorder.toText()), { log: false }).query(name, type);
    },
  };
  return { resolver: replaying, close() {} };
});
