/**
 * The command line on odd input (issue 17.13): a binary zone file, a negative --timeout and
 * emoji in a record give one clear line each — no raw control bytes, no excerpts of the file,
 * whole code points reported once.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { oneLine } from '../../src/cli/io.ts';
import { spfkit } from '../support/cli.ts';

/** No C0/C1 control characters or DEL except the final newline. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spfkit-odd-'));
  // The start of an ELF binary: magic, NUL bytes, control bytes, a few lines' worth.
  const elf = Buffer.alloc(600);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(elf);
  for (let i = 16; i < elf.length; i++) elf[i] = (i * 37) % 256;
  await writeFile(join(dir, 'binary.zone'), elf);
  // Binary without a NUL byte: the YAML parser stops at another character.
  await writeFile(join(dir, 'controls.zone'), Buffer.from('zone:\n  a.nl: [{TXT: "\x1b[31m\x07"}]\n\x01\x02\x03\n', 'latin1'));
});
after(() => rm(dir, { recursive: true, force: true }));

describe('odd input on the command line (issue 17.13)', () => {
  it('a binary --zone file is one line naming the file and the position, with no raw bytes', async () => {
    for (const name of ['binary.zone', 'controls.zone']) {
      const path = join(dir, name);
      for (const lang of ['en', 'nl']) {
        const r = await spfkit('check', '--ip', '192.0.2.1', '--sender', 'a@a.nl', '--zone', path, '--lang', lang);
        assert.equal(r.code, 2, r.stderr);
        assert.equal(r.stdout, '');
        assert.equal(r.stderr.split('\n').length, 2, `one line: ${JSON.stringify(r.stderr)}`);
        assert.ok(r.stderr.endsWith('\n'));
        assert.doesNotMatch(r.stderr, RAW_CONTROL, JSON.stringify(r.stderr));
        assert.ok(r.stderr.startsWith(`spfkit check: `) && r.stderr.includes(path), r.stderr);
      }
    }
    const r = await spfkit('check', '--ip', '192.0.2.1', '--sender', 'a@a.nl', '--zone', join(dir, 'binary.zone'));
    assert.match(r.stderr, /not valid YAML\/JSON: .*\(line \d+, column \d+\)\n$/);
  });

  it('a file name with control characters is shown escaped', async () => {
    const r = await spfkit('check', '--ip', '192.0.2.1', '--sender', 'a@a.nl', '--zone', join(dir, 'no\u001b[2Jsuch\u202efile'));
    assert.equal(r.code, 2);
    assert.equal(r.stderr.split('\n').length, 2);
    assert.doesNotMatch(r.stderr, RAW_CONTROL);
    assert.ok(r.stderr.includes('no\\x1b[2Jsuch\\u{202e}file'), r.stderr);
  });

  it('--timeout -5 (and --ttl, --concurrency) says a positive number is needed, not that the value is missing', async () => {
    const cases: [string[], RegExp][] = [
      [['check', '--ip', '192.0.2.1', '--sender', 'a@a.nl', '--timeout', '-5'], /^spfkit check: option --timeout must be a positive number, got "-5"\n$/],
      [['explain', '--domain', 'a.nl', '--timeout', '-5', '--lang', 'nl'], /^spfkit explain: optie --timeout moet een positief getal zijn, niet "-5"\n$/],
      [['add', 'a.nl', '--ip4', '192.0.2.1', '--ttl', '-300'], /^spfkit add: option --ttl must be a positive number, got "-300"\n$/],
      [['bulk', 'in.csv', '--concurrency', '-1'], /^spfkit bulk: option --concurrency must be a positive number, got "-1"\n$/],
      // Not a number, or no value at all: as before.
      [['check', '--ip', '192.0.2.1', '--sender', 'a@a.nl', '--timeout'], /option --timeout needs a value\n$/],
      [['check', '--ip', '192.0.2.1', '--sender', 'a@a.nl', '--timeout', '--json'], /option --timeout needs a value\n$/],
      [['check', '--ip', '192.0.2.1', '--sender', 'a@a.nl', '--timeout=-5'], /--timeout must be a whole number of milliseconds \(1–60000\), got "-5"/],
    ];
    for (const [argv, expected] of cases) {
      const r = await spfkit(...argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, expected, argv.join(' '));
    }
  });

  it('emoji in a record are whole code points, each reported once', async () => {
    const r = await spfkit('explain', 'v=spf1 a:mail😀.example.com include:🙂🙂.example.net -all', '--json');
    const body = JSON.parse(r.stdout) as { issues: { code: string; span: { start: number; end: number }; message: string }[] };
    const chars = body.issues.map((i) => /U\+[0-9A-F]{4,6}/.exec(i.message)?.[0]);
    assert.deepEqual(chars, ['U+1F600', 'U+1F642'], JSON.stringify(body.issues));
    for (const issue of body.issues) assert.doesNotMatch(issue.message, /U\+D[89A-F][0-9A-F]{2}/);
    const text = await spfkit('explain', 'v=spf1 a:mail😀.example.com -all');
    assert.equal(text.stdout.match(/U\+1F600/g)?.length, 1, text.stdout);
    assert.doesNotMatch(text.stdout, /U\+D8|U\+DE/);
  });

  it('oneLine: breaks become spaces, controls and bidi marks are escaped, emoji stay', () => {
    assert.equal(oneLine('a\n  1 | \u007fELF\u0000\tb'), 'a 1 | \\x7fELF\\x00 b');
    assert.equal(oneLine('x\u202ey \ud800 z\udc00 😀'), 'x\\u{202e}y \\u{d800} z\\u{dc00} 😀');
  });
});
