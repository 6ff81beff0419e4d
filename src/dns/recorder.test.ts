import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { recordingResolver } from './recorder.ts';
import { CONTRACT_ZONE } from './resolver.contract.ts';
import { zoneFromObject, zoneFromText, zoneResolver } from './zone.ts';
import { systemResolver } from './system.ts';
import type { DnsAnswer, RecordData, Resolver, RrType } from './resolver.ts';
import { startDnsServer } from '../../test/support/dns-server.ts';

const QUESTIONS: Array<[string, RrType]> = [
  ['example.com', 'TXT'],
  ['example.com', 'MX'],
  ['example.com', 'A'],
  ['example.com', 'AAAA'],
  ['Multi.Example.com.', 'TXT'],
  ['odd.example.com', 'TXT'],
  ['big.example.com', 'TXT'],
  ['absent.example.com', 'TXT'],
  ['nodata.example.com', 'TXT'],
  ['ttl.example.com', 'A'],
  ['v6.example.com', 'AAAA'],
  ['1.2.0.192.in-addr.arpa', 'PTR'],
  ['alias.example.com', 'TXT'],
  ['alias.example.com', 'CNAME'],
  ['alias-ttl.example.com', 'A'],
  ['dangling.example.com', 'A'],
  ['loop.example.com', 'A'],
  ['txt-then-timeout.example.com', 'TXT'],
  ['txt-then-timeout.example.com', 'A'],
  ['typed.example.com', 'A'],
  ['typed.example.com', 'TXT'],
  ['typed.example.com', 'MX'],
  ['timeout.example.com', 'TXT'],
  ['servfail.example.com', 'A'],
];

/** An answer without its `detail`, which names the source (a marker, a server). */
function comparable(answer: DnsAnswer<unknown>): unknown {
  if (answer.kind === 'answer') return answer.ttl === undefined ? { kind: answer.kind, records: [...answer.records] } : { kind: answer.kind, records: [...answer.records], ttl: answer.ttl };
  return { kind: answer.kind };
}

async function roundTrip(live: Resolver): Promise<void> {
  const recorder = recordingResolver(live);
  const seen = [];
  for (const [name, type] of QUESTIONS) seen.push(comparable(await recorder.query(name, type)));
  const replay = zoneResolver(zoneFromText(recorder.toText()));
  const replayed = [];
  for (const [name, type] of QUESTIONS) replayed.push(comparable(await replay.query(name, type)));
  assert.deepEqual(replayed, seen);
}

describe('recordingResolver', () => {
  it('replays offline what it recorded from a zone resolver', async () => {
    await roundTrip(zoneResolver(CONTRACT_ZONE));
  });

  it('replays offline what it recorded from real DNS (loopback server)', async () => {
    const server = await startDnsServer(CONTRACT_ZONE);
    try {
      await roundTrip(systemResolver({ servers: [server.address], timeout: 300, tries: 1 }));
    } finally {
      await server.stop();
    }
  });

  it('writes records, per-type markers after them, and leaves NXDOMAIN owners out', async () => {
    const recorder = recordingResolver(zoneResolver(CONTRACT_ZONE));
    await recorder.query('typed.example.com', 'TXT');
    await recorder.query('typed.example.com', 'A');
    await recorder.query('typed.example.com', 'AAAA');
    await recorder.query('absent.example.com', 'A');
    await recorder.query('ttl.example.com', 'A');
    assert.equal(
      recorder.toText(),
      [
        '# spfkit zone file (docs/zone-format.md)',
        'zone:',
        '  typed.example.com:',
        '    - A: 192.0.2.9',
        '    - TIMEOUT: TXT',
        '  ttl.example.com:',
        '    - A: 192.0.2.1',
        '      ttl: 60',
        '    - A: 192.0.2.2',
        '      ttl: 60',
        '',
      ].join('\n'),
    );
  });

  it('keeps the first answer for a question', async () => {
    let calls = 0;
    const flaky: Resolver = {
      async query<T extends RrType>(): Promise<DnsAnswer<RecordData[T]>> {
        calls++;
        return (calls === 1 ? { kind: 'timeout' } : { kind: 'answer', records: [['v=spf1 -all']] }) as DnsAnswer<RecordData[T]>;
      },
    };
    const recorder = recordingResolver(flaky);
    await recorder.query('example.com', 'TXT');
    await recorder.query('example.com', 'TXT');
    assert.deepEqual(recorder.zone(), zoneFromObject({ 'example.com': [{ TIMEOUT: 'TXT' }] }));
  });

  it('does not share record objects with the answers it passed on', async () => {
    const recorder = recordingResolver(zoneResolver(zoneFromObject({ 'a.example': [{ MX: [1, 'mx.example'] }] })));
    await recorder.query('a.example', 'MX');
    const zone = recorder.zone();
    const item = zone.get('a.example')?.[0];
    assert.ok(item !== undefined && item.type === 'MX' && !Object.isFrozen(item.value));
  });
});
