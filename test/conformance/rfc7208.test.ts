// The full RFC 7208 suite through the in-memory zone resolver.
import { zoneFromConformance, zoneResolver } from '../../src/dns/zone.ts';
import { runSuite } from './suite.ts';

runSuite('rfc7208', async (scenario) => ({
  resolver: zoneResolver(zoneFromConformance(scenario.zonedata)),
  close: () => {},
}));
