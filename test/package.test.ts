// `npm pack` gives a package that installs into an empty folder, runs `npx spfkit --version`
// and `npx spfkit check` there, and whose type declarations load in a TypeScript consumer.
// `npm test` runs this file on Node 20 and on Node 24 (scripts/test.mjs).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('npm pack → install → run', { timeout: 240_000 }, () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'spfkit-pack-'));
    const tarball = execFileSync(npm, ['pack', '--silent', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop() as string;
    const app = join(dir, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true }));
    execFileSync(npm, ['install', '--silent', '--no-audit', '--no-fund', join(dir, tarball)], { cwd: app, stdio: 'pipe' });
    copyFileSync(join(root, 'examples/seeds.yaml'), join(app, 'seeds.yaml'));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`npx spfkit --version prints package.json's version (Node ${process.version})`, () => {
    const app = join(dir, 'app');
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    const out = execFileSync('npx', ['--no-install', 'spfkit', '--version'], { cwd: app, encoding: 'utf8' });
    assert.equal(out.trim(), `spfkit ${version}`);
  });

  it('runs npx spfkit check in the empty folder', () => {
    const app = join(dir, 'app');
    const out = execFileSync('npx', ['--no-install', 'spfkit', 'check', '--ip', '212.83.209.204', '--sender', 'me@mydomain.nl', '--policy', 'v=spf1 include:spf.coachview.net ~all', '--zone', 'seeds.yaml', '--json'], {
      cwd: app,
      encoding: 'utf8',
    });
    const check = JSON.parse(out) as { result: string; overridesUsed: string[] };
    assert.equal(check.result, 'pass');
    assert.deepEqual(check.overridesUsed, ['mydomain.nl']);
  });

  it("imports the library by its package name and checks a record with it", () => {
    const app = join(dir, 'app');
    writeFileSync(
      join(app, 'run.mjs'),
      "import { parseRecord } from 'spfkit';\nconst parsed = parseRecord('v=spf1 include:spf.coachview.net -all');\nconsole.log(JSON.stringify(parsed.ok ? parsed.record.mechanisms.map((m) => m.kind) : parsed));\n",
    );
    const out = execFileSync(process.execPath, ['run.mjs'], { cwd: app, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out), ['include', 'all']);
  });

  it('its type declarations load in a strict TypeScript consumer', () => {
    const app = join(dir, 'app');
    writeFileSync(
      join(app, 'consumer.ts'),
      [
        "import { checkHost, parseRecord, zoneResolver, zoneFromText, type SpfCheck, type SpfResult } from 'spfkit';",
        "const resolver = zoneResolver(zoneFromText('zone: {}'));",
        "const pending: Promise<SpfCheck> = checkHost({ ip: '192.0.2.1', sender: 'a@example.com' }, { resolver });",
        "const parsed = parseRecord('v=spf1 -all');",
        "const kinds: string[] = parsed.ok ? parsed.record.mechanisms.map((m) => m.kind) : [];",
        "export async function result(): Promise<SpfResult> { return (await pending).result; }",
        'export { kinds };',
        '// @ts-expect-error a result is one of the seven RFC 7208 tokens',
        "export const bad: SpfResult = 'maybe';",
      ].join('\n'),
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '--strict', '--noEmit', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--typeRoots', join(root, 'node_modules/@types'), 'consumer.ts'], {
      cwd: app,
      stdio: 'pipe',
    });
  });
});
