/** bulkCheckFile (the CLI's library function): a run that dies half-way, then --resume. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulkCheckFile } from '../../src/bulk/file.ts';
import { cachingResolver } from '../../src/dns/cache.ts';
import { zoneResolver } from '../../src/dns/zone.ts';
import { blueinkt, zone } from './fixtures.ts';

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'spfkit-bulk-file-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('bulkCheckFile', () => {
  it('a run that fails half-way leaves a report --resume completes, each row exactly once', async () => {
    const input = join(dir, 'many.txt');
    const domains = ['klant.nl', 'example.com', 'eneco.com', 'broken.nl', 'not a domain'];
    writeFileSync(input, Array.from({ length: 100 }, (_, i) => (i % 5 === 4 ? domains[4] : `u${i}@${domains[i % 5]}`)).join('\n') + '\n');
    const out = join(dir, 'many.jsonl');
    const resolver = cachingResolver(zoneResolver(zone, { log: false }));
    const crash = bulkCheckFile({
      input,
      out,
      provider: blueinkt,
      resolver,
      concurrency: 4,
      onProgress: (p) => {
        if (p.done === 37) throw new Error('power cut');
      },
    });
    await assert.rejects(crash, /power cut/);
    const partial = readFileSync(out, 'utf8').trim().split('\n').length;
    assert.ok(partial >= 30 && partial < 100, `${partial} rows before the crash`);

    const summary = await bulkCheckFile({ input, out, resume: true, provider: blueinkt, resolver, concurrency: 4 });
    assert.equal(summary.skipped, partial);
    assert.equal(summary.checked, 100 - partial);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { line: number }).line);
    assert.deepEqual([...lines].sort((a, b) => a - b), Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('without --out, JSON Lines go to the given stdout', async () => {
    const input = join(dir, 'two.txt');
    writeFileSync(input, 'info@klant.nl\r\neneco.com');
    let text = '';
    const summary = await bulkCheckFile({ input, provider: blueinkt, resolver: zoneResolver(zone), stdout: (t) => (text += t) });
    assert.deepEqual(summary.situations, { none: 1, 'not-authorised': 0, authorised: 1, broken: 0, invalid: 0 });
    assert.equal(text.trim().split('\n').length, 2);
  });
});
