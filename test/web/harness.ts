/**
 * The stack the browser tests run against: the page built fresh by Vite, the REAL HTTP
 * server (`createServer`) on a free loopback port, resolving through the system resolver
 * against the loopback DNS server serving a seed zone — and Debian's Chromium driven by
 * playwright-core.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page, chromium } from 'playwright-core';
import { build } from 'vite';
import { systemResolver } from '../../src/dns/system.ts';
import { zoneFromText } from '../../src/dns/zone.ts';
import { createServer } from '../../src/server/index.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';

export const ROOT = join(import.meta.dirname, '../..');
export const CHROMIUM = process.env.SPFKIT_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'artifacts/screenshots');

/**
 * The flags from docs of this machine: headless, no sandbox (root in CI), and no background
 * networking — Chromium's own calls home would be refused here, and must not leave anyway.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Installs Chromium when it is missing (scripts/ensure-apt.mjs); throws with its output when that fails. */
export function ensureChromium(): void {
  try {
    accessSync(CHROMIUM, constants.X_OK);
    return;
  } catch {
    // not there: install below
  }
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/ensure-apt.mjs'), 'chromium'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`Chromium is missing and could not be installed:\n${run.stderr}${run.stdout}`);
}

export interface Stack {
  /** `http://127.0.0.1:PORT/` */
  base: string;
  origin: string;
  dns: DnsServer;
  stop(): Promise<void>;
}

/**
 * Builds the page into a temporary directory and starts DNS + the server on loopback (`limits`
 * as the server takes them). With `dnsServers`, the server asks those instead (as DNS_SERVERS
 * does), with its resolver probe.
 */
export async function startStack(
  zoneFile = join(ROOT, 'examples/seeds.yaml'),
  limits: NonNullable<Parameters<typeof createServer>[0]>['limits'] = {},
  options: { dnsServers?: string[]; monitor?: NonNullable<Parameters<typeof createServer>[0]>['monitor'] } = {},
): Promise<Stack> {
  const webRoot = mkdtempSync(join(tmpdir(), 'spfkit-web-'));
  await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn', build: { outDir: webRoot, emptyOutDir: true } });
  const dns = await startDnsServer(zoneFromText(readFileSync(zoneFile, 'utf8')));
  const app = createServer({
    ...(options.dnsServers ? { dns: { servers: options.dnsServers, timeout: 1000, tries: 1 } } : { resolver: systemResolver({ servers: [dns.address], timeout: 1000, tries: 2 }) }),
    logger: false,
    webRoot,
    ...(options.monitor ? { monitor: options.monitor } : {}),
    // The tests send a few dozen requests a minute from one address.
    limits: { rateMax: 1000, ...limits },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    base: `${origin}/`,
    origin,
    dns,
    async stop() {
      await app.close();
      await dns.stop();
      rmSync(webRoot, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  // playwright-core starts each browser with a fresh temporary --user-data-dir of its own.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** Every request a context made, and every script error or console error of its pages. */
export interface Watch {
  requests: string[];
  errors: string[];
}

/** A browser context with clipboard access for the server's origin, watching requests and errors. */
export async function openContext(browser: Browser, stack: Stack, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; watch: Watch }> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1100, height: 900 }, ...options });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.origin });
  const watch: Watch = { requests: [], errors: [] };
  context.on('request', (request) => watch.requests.push(request.url()));
  context.on('page', (page) => watchPage(page, watch));
  return { context, watch };
}

function watchPage(page: Page, watch: Watch): void {
  page.on('pageerror', (error) => watch.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(`console: ${message.text()}`);
  });
}

/** Saves a full-page screenshot as a test artefact (artifacts/screenshots/NAME.png). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Whether the page scrolls sideways (its content is wider than the viewport). */
export function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return inPage(page, '({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })');
}

/**
 * Evaluates an expression in the page. Browser code is passed as text: the test program is
 * type-checked without the DOM library (it shares tsconfig.json with src/), and tsx would
 * wrap a function's inner arrows in its `__name` helper, which the page does not have.
 */
export function inPage<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}
