// The full RFC 7208 suite end to end: the production system resolver (node:dns / c-ares,
// over UDP with TCP fallback) asks a real authoritative DNS server on loopback that serves
// each scenario's zone. TIMEOUT names never answer, so those cases must end as temperror
// within the configured timeout.
import { systemResolver } from '../../src/dns/system.ts';
import { zoneFromConformance } from '../../src/dns/zone.ts';
import { startDnsServer } from '../support/dns-server.ts';
import { runSuite } from './suite.ts';

const TIMEOUT_MS = 250;

runSuite('rfc7208-dns', async (scenario) => {
  const server = await startDnsServer(zoneFromConformance(scenario.zonedata));
  return {
    resolver: systemResolver({ servers: [server.address], timeout: TIMEOUT_MS, tries: 1 }),
    close: () => server.stop(),
  };
});
