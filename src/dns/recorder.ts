/**
 * A recording decorator: it passes queries through and keeps every answer as a zone, so a
 * live check can be replayed offline (`zoneResolver(zoneFromText(recorder.toText()))`).
 */
import { normalizeName } from './resolver.ts';
import type { DnsAnswer, RecordData, Resolver, RrType } from './resolver.ts';
import { zoneToText } from './zone.ts';
import type { Zone, ZoneItem, ZoneRecord } from './zone.ts';

export interface RecordingResolver extends Resolver {
  /** The answers seen so far, as a zone. */
  zone(): Zone;
  /** The same zone as an spfkit zone file (docs/zone-format.md). */
  toText(): string;
}

function toRecord(type: RrType, value: unknown, ttl: number | undefined): ZoneRecord {
  const copy = Array.isArray(value) ? [...(value as unknown[])] : typeof value === 'object' && value !== null ? { ...value } : value;
  const record = { type, value: copy } as ZoneRecord;
  if (ttl !== undefined) record.ttl = ttl;
  return record;
}

/**
 * Record the answers `inner` gives. The zone holds, per owner: the records of each answer
 * (with the answer's TTL), nothing for nodata (the owner exists), nothing for nxdomain (the
 * owner is absent unless another answer made it present), and a per-type marker
 * (`{TIMEOUT: TXT}`, `{SERVFAIL: MX}`) after the records for a timeout or servfail. The first
 * answer for a (name, type) is kept. Records reached through a CNAME are stored under the name
 * asked, which replays the same answer. Not expressible, so not replayed exactly: nxdomain at
 * an owner that has other answers (replays as nodata), and nodata/nxdomain at a name whose
 * CNAME was also asked for directly.
 *
 * @example
 * const recorder = recordingResolver(systemResolver());
 * await checkHost({ ip, domain, sender, resolver: recorder });
 * writeFileSync('case.yaml', recorder.toText());
 */
export function recordingResolver(inner: Resolver): RecordingResolver {
  const seen = new Map<string, Map<RrType, DnsAnswer<unknown>>>();

  function remember(name: string, type: RrType, answer: DnsAnswer<unknown>): void {
    const owner = normalizeName(name);
    let byType = seen.get(owner);
    if (byType === undefined) {
      byType = new Map();
      seen.set(owner, byType);
    }
    if (!byType.has(type)) byType.set(type, answer);
  }

  function zone(): Zone {
    const out: Zone = new Map();
    for (const [owner, byType] of seen) {
      const records: ZoneItem[] = [];
      const markers: ZoneItem[] = [];
      let present = false;
      for (const [type, answer] of byType) {
        switch (answer.kind) {
          case 'answer':
            present = true;
            for (const value of answer.records) records.push(toRecord(type, value, answer.ttl));
            break;
          case 'nodata':
            present = true;
            break;
          case 'nxdomain':
            break;
          case 'timeout':
            present = true;
            markers.push({ type: 'TIMEOUT', rrType: type });
            break;
          case 'servfail':
            present = true;
            markers.push({ type: 'SERVFAIL', rrType: type });
            break;
          default: {
            const _never: never = answer;
            throw new Error(`unreachable answer ${JSON.stringify(_never)}`);
          }
        }
      }
      // Markers last: records listed before a marker are still served (FORMAT.md §4 rule 4).
      if (present) out.set(owner, [...records, ...markers]);
    }
    return out;
  }

  return {
    query<T extends RrType>(name: string, type: T): Promise<DnsAnswer<RecordData[T]>> {
      return inner.query(name, type).then((answer) => {
        remember(name, type, answer);
        return answer;
      });
    },
    zone,
    toText: () => zoneToText(zone()),
  };
}
