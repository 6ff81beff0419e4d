/**
 * The HTTP API in-process (`app.inject`) on a zone resolver: every route, the validation
 * errors, languages, seed 004's three situations through both Why permalink syntaxes, the
 * per-request DNS budget and deadline, and /openapi.json — valid, and describing every
 * response these tests receive.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Resolver } from '../../src/dns/resolver.ts';
import { zoneFromText, zoneResolver } from '../../src/dns/zone.ts';
import { clientKey, createServer, type ServerOptions } from '../../src/server/server.ts';
import { type ResponseValidator, SEED_004_ZONE, responseValidator } from './support.ts';

const ZONE = zoneFromText(SEED_004_ZONE);
const BLUEINKT = '5.255.64.53';

function server(options: ServerOptions = {}): FastifyInstance {
  return createServer({ resolver: zoneResolver(ZONE, { log: false }), logger: false, webRoot: false, limits: { rateMax: 10_000 }, ...options });
}

/** Every response of these tests is held against the published document. */
let doc: Record<string, unknown>;
let validator: ResponseValidator;
let app: FastifyInstance;

before(async () => {
  app = server();
  doc = (await app.inject({ url: '/openapi.json' })).json();
  validator = responseValidator(doc);
});
after(() => app.close());

async function call(options: InjectOptions, target: FastifyInstance = app): Promise<LightMyRequestResponse> {
  const res = await target.inject(options);
  const path = (options.url as string).split('?')[0] ?? '';
  const route = path.startsWith('/api/audit/') ? '/api/audit/{domain}' : path.startsWith('/api/') || path === '/healthz' ? path : undefined;
  if (route && res.headers['content-type']?.toString().startsWith('application/json') && res.statusCode !== 404) {
    validator.assert(options.method ?? 'GET', route, res.statusCode, res.json());
  }
  if (res.statusCode >= 400) assertNoStack(res);
  return res;
}

function assertNoStack(res: LightMyRequestResponse): void {
  assert.doesNotMatch(res.body, /\bat .+:\d+:\d+|"stack"|node_modules|\.ts:\d/, `a stack trace leaked: ${res.body}`);
  const body = res.json();
  assert.equal(typeof body.error, 'string');
  assert.equal(typeof body.message, 'string');
  assert.equal(body.requestId, res.headers['x-request-id']);
}

const check = (payload: unknown, headers: Record<string, string> = {}) => call({ method: 'POST', url: '/api/check', payload: payload as object, headers });

/** The field names of a 400's issues. */
function fields(res: LightMyRequestResponse): string[] {
  assert.equal(res.statusCode, 400, res.body);
  const body = res.json();
  assert.equal(body.error, 'invalid-input');
  return body.issues.map((i: { field: string }) => i.field);
}

describe('POST /api/check', () => {
  it('seed 004 situation 1: klant.nl has no SPF record (none: delivered)', async () => {
    const res = await check({ ip: BLUEINKT, sender: 'info@klant.nl' });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.check.result, 'none');
    assert.equal(body.check.cause.code, 'no-record');
    assert.equal(body.explanation.headline, 'klant.nl has not published an SPF policy.');
    assert.equal(body.lang, 'en');
  });

  it('seed 004 situation 2: example.com does not authorise smtp1.blueinkt.com (fail), with the advice to add it', async () => {
    const body = (await check({ ip: BLUEINKT, sender: 'info@example.com' })).json();
    assert.equal(body.check.result, 'fail');
    assert.equal(body.ptrName, 'smtp1.blueinkt.com');
    assert.equal(body.explanation.headline, 'example.com has declared that it does not send mail through 5.255.64.53 (smtp1.blueinkt.com), so receivers may reject the mail.');
    assert.match(body.explanation.advice, /`a:smtp1\.blueinkt\.com`/);
    // The tree: example.com → include:spf.protection.outlook.com → its record.
    assert.equal(body.tree.domain, 'example.com');
    assert.equal(body.tree.terms[0].child.domain, 'spf.protection.outlook.com');
    assert.equal(body.tree.terms[0].child.via, 'include');
  });

  it('seed 004 situation 3: eneco.com authorises smtp1.blueinkt.com (pass)', async () => {
    const body = (await check({ ip: BLUEINKT, sender: 'fm_eib_verkoop_midden@eneco.com' })).json();
    assert.equal(body.check.result, 'pass');
    assert.equal(body.check.matched.text, 'a:smtp1.blueinkt.com');
    assert.equal(body.explanation.headline, 'eneco.com has authorised 5.255.64.53 (smtp1.blueinkt.com) to send mail on its behalf.');
  });

  it('tests a candidate policy for the sender’s domain before it is published', async () => {
    const body = (await check({ ip: BLUEINKT, sender: 'info@klant.nl', policy: 'v=spf1 include:spf.protection.outlook.com a:smtp1.blueinkt.com -all' })).json();
    assert.equal(body.check.result, 'pass');
    assert.deepEqual(body.check.overridesUsed, ['klant.nl']);
    assert.equal(body.tree.source, 'override');
  });

  it('uses overrides at any depth ("" = no record)', async () => {
    const pass = (await check({ ip: BLUEINKT, sender: 'info@example.com', overrides: { 'SPF.Protection.Outlook.com.': 'v=spf1 ip4:5.255.64.0/24 -all' } })).json();
    assert.equal(pass.check.result, 'pass');
    const none = (await check({ ip: BLUEINKT, sender: 'info@eneco.com', overrides: { 'eneco.com': '' } })).json();
    assert.equal(none.check.result, 'none');
  });

  it('checks the HELO identity when the sender is empty', async () => {
    const body = (await check({ ip: BLUEINKT, sender: '', helo: 'mail.blueinkt.com' })).json();
    assert.equal(body.check.identity, 'helo');
    assert.equal(body.check.result, 'pass');
  });

  it('speaks Dutch when asked in the body or by Accept-Language; the body wins', async () => {
    const byBody = (await check({ ip: BLUEINKT, sender: 'info@klant.nl', lang: 'nl' })).json();
    assert.equal(byBody.lang, 'nl');
    assert.equal(byBody.explanation.headline, 'klant.nl heeft geen SPF-record gepubliceerd.');
    const byHeader = (await check({ ip: BLUEINKT, sender: 'info@example.com' }, { 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.8' })).json();
    assert.equal(byHeader.lang, 'nl');
    assert.match(byHeader.explanation.headline, /verklaard dat het geen e-mail verstuurt via 5\.255\.64\.53 \(smtp1\.blueinkt\.com\)/);
    const bodyWins = (await check({ ip: BLUEINKT, sender: 'info@klant.nl', lang: 'en' }, { 'accept-language': 'nl' })).json();
    assert.equal(bodyWins.lang, 'en');
    const fallback = (await check({ ip: BLUEINKT, sender: 'info@klant.nl' }, { 'accept-language': 'de-DE' })).json();
    assert.equal(fallback.lang, 'en');
  });

  it('answers temperror when DNS times out', async () => {
    const body = (await check({ ip: BLUEINKT, sender: 'info@traag.nl' })).json();
    assert.equal(body.check.result, 'temperror');
    assert.match(body.explanation.headline, /could not be checked/);
  });

  it('rejects input the library cannot use, naming the field', async () => {
    assert.deepEqual(fields(await check({ ip: '5.255.64', sender: 'info@klant.nl' })), ['ip']);
    assert.deepEqual(fields(await check({ ip: BLUEINKT, sender: 'info@' })), ['sender']);
    assert.deepEqual(fields(await check({ ip: BLUEINKT, sender: 'info' })), ['sender']);
    assert.deepEqual(fields(await check({ ip: BLUEINKT, sender: '' })), ['helo']);
    const policy = await check({ ip: BLUEINKT, sender: 'info@klant.nl', policy: 'include:spf.protection.outlook.com -all' });
    assert.deepEqual(fields(policy), ['policy']);
    assert.match(policy.json().message, /must start with "v=spf1"/);
    assert.deepEqual(fields(await check({ ip: BLUEINKT, sender: 'info@klant.nl', overrides: { 'spf.example.com': 'ip4:1.2.3.4' } })), ['overrides.spf.example.com']);
    assert.deepEqual(fields(await check({ ip: BLUEINKT, sender: 'info@klant.nl', overrides: { localhost: 'v=spf1 -all' } })), ['overrides.localhost']);
  });

  it('words those rejections in the language asked for', async () => {
    const ip = (await check({ ip: '5.255.64', sender: 'info@klant.nl', lang: 'nl' })).json();
    assert.equal(ip.message, 'veld "ip": "5.255.64" is geen IPv4- of IPv6-adres');
    assert.equal(ip.issues[0].code, 'bad-ip');
    // The same words without the field's name, for a form that marks the field itself.
    assert.equal(ip.issues[0].problem, '"5.255.64" is geen IPv4- of IPv6-adres');
    assert.equal((await check({ ip: '5.255.64', sender: 'info@klant.nl', lang: 'en' })).json().message, 'field "ip": "5.255.64" is not an IPv4 or IPv6 address');
    assert.match((await check({ ip: BLUEINKT, sender: 'info', lang: 'nl' })).json().message, /^veld "sender": afzender "info" heeft geen domein/);
    assert.match((await check({ ip: BLUEINKT, sender: 'info@klant.nl', policy: '-all', lang: 'nl' })).json().message, /^veld "policy" is geen SPF-record/);
    const override = await check({ ip: BLUEINKT, sender: 'info@klant.nl', overrides: { localhost: 'v=spf1 -all' }, lang: 'nl' });
    assert.match(override.json().message, /^veld "overrides.localhost": “localhost” is geen bruikbare domeinnaam: maar één label/);
  });

  it('words schema violations and body errors in the request’s language too', async () => {
    // lang in the body (when the body parses), else Accept-Language.
    assert.equal((await check({ ip: BLUEINKT, lang: 'nl' })).json().message, 'veld "sender" is verplicht');
    assert.equal((await check({ ip: BLUEINKT, sender: 'a@b.nl', sendr: 'x', lang: 'nl' })).json().message, 'veld "sendr" bestaat niet');
    assert.equal((await check({ ip: 5, sender: 'a@b.nl', lang: 'nl' })).json().message, 'veld "ip" moet van het type string zijn');
    assert.equal((await check({ ip: BLUEINKT, sender: 'a@b.nl', policy: 'v=spf1 ' + 'a'.repeat(5000), lang: 'nl' })).json().message, 'veld "policy" mag hoogstens 4096 tekens lang zijn');
    assert.equal((await check({ ip: BLUEINKT, sender: 'a@b.nl', lang: 'de' }, { 'accept-language': 'nl' })).json().message, 'veld "lang" moet een van deze waarden zijn: "en", "nl"');
    const broken = await call({ method: 'POST', url: '/api/check', payload: '{"ip": ', headers: { 'content-type': 'application/json', 'accept-language': 'nl-NL' } });
    assert.equal(broken.json().message, 'de body is geen geldige JSON');
    assert.equal((await call({ url: '/api/audit/localhost?lang=nl' })).json().message.startsWith('padparameter "domain": “localhost” is geen bruikbare domeinnaam'), true);
    assert.equal((await call({ method: 'POST', url: '/api/explain', payload: { lang: 'nl' } })).json().message, 'geef veld "record" (een SPF-record) of veld "domain"');
  });

  it('rejects what the schema does not allow, naming the field', async () => {
    const unknown = await check({ ip: BLUEINKT, sender: 'info@klant.nl', sendr: 'x' });
    assert.deepEqual(fields(unknown), ['sendr']);
    assert.equal(unknown.json().issues[0].code, 'unknown-field');
    assert.equal(unknown.json().message, 'unknown field "sendr"');
    const missing = await check({ ip: BLUEINKT });
    assert.deepEqual(fields(missing), ['sender']);
    assert.equal(missing.json().message, 'field "sender" is required');
    assert.equal((await check({ ip: 5, sender: 'info@klant.nl' })).json().message, 'field "ip" must be of type string');
    assert.equal((await check({ ip: BLUEINKT, sender: 'info@klant.nl', lang: 'de' })).json().message, 'field "lang" must be one of "en", "nl"');
    assert.match((await check({ ip: BLUEINKT, sender: 'x'.repeat(400) + '@klant.nl' })).json().message, /field "sender" must be at most 320 characters long/);
    assert.equal((await check([BLUEINKT])).json().message, 'the body must be of type object');
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`d${i}.example.com`, 'v=spf1 -all']));
    assert.deepEqual(fields(await check({ ip: BLUEINKT, sender: 'info@klant.nl', overrides: many })), ['overrides']);
  });

  it('answers 413 for a body over the limit, 400 for broken JSON, 415 for non-JSON', async () => {
    const small = server({ limits: { bodyBytes: 200, rateMax: 10_000 } });
    try {
      const big = await call({ method: 'POST', url: '/api/check', payload: { ip: BLUEINKT, sender: 'info@klant.nl', policy: `v=spf1 ${'a '.repeat(200)}-all` } }, small);
      assert.equal(big.statusCode, 413);
      assert.equal(big.json().error, 'body-too-large');
      assert.equal(big.json().message, 'the request body is larger than 200 bytes');
    } finally {
      await small.close();
    }
    const broken = await call({ method: 'POST', url: '/api/check', payload: '{"ip": "5.255.64.53",', headers: { 'content-type': 'application/json' } });
    assert.equal(broken.statusCode, 400);
    assert.equal(broken.json().error, 'invalid-json');
    const text = await call({ method: 'POST', url: '/api/check', payload: 'ip=5.255.64.53', headers: { 'content-type': 'text/plain' } });
    assert.equal(text.statusCode, 415);
    assert.equal(text.json().error, 'unsupported-media-type');
  });
});

describe('per-request DNS budget and deadline', () => {
  it('a record that fans out beyond the query budget ends in temperror "query budget exhausted"', async () => {
    const tight = server({ limits: { maxQueries: 3, rateMax: 10_000 } });
    try {
      const body = (await call({ method: 'POST', url: '/api/check', payload: { ip: '192.0.2.99', sender: 'info@fanout.nl' } }, tight)).json();
      assert.equal(body.check.result, 'temperror');
      assert.match(body.check.cause.detail, /query budget exhausted/);
      // The next request has its own budget; the shared cache already holds the first answers.
      const again = (await call({ method: 'POST', url: '/api/check', payload: { ip: '192.0.2.1', sender: 'info@fanout.nl' } }, tight)).json();
      assert.equal(again.check.result, 'pass');
    } finally {
      await tight.close();
    }
  });

  it('DNS slower than the deadline ends in temperror within the deadline', async () => {
    const fast = zoneResolver(ZONE, { log: false });
    const slow: Resolver = { query: (name, type) => new Promise((resolve) => setTimeout(() => resolve(fast.query(name, type)), 2000)) };
    const app2 = createServer({ resolver: slow, logger: false, webRoot: false, limits: { deadlineMs: 150 } });
    try {
      const start = performance.now();
      const body = (await call({ method: 'POST', url: '/api/check', payload: { ip: BLUEINKT, sender: 'info@example.com' } }, app2)).json();
      const took = performance.now() - start;
      assert.equal(body.check.result, 'temperror');
      assert.match(body.check.cause.detail, /deadline of 150 ms exceeded/);
      assert.ok(took < 1000, `took ${took} ms`);
    } finally {
      await app2.close();
    }
  });
});

describe('GET /api/why (openspf permalink)', () => {
  const SEED = [
    ['info@klant.nl', 'none', 'klant.nl has not published an SPF policy.'],
    ['info@example.com', 'fail', 'example.com has declared that it does not send mail through 5.255.64.53 (smtp1.blueinkt.com)'],
    ['fm_eib_verkoop_midden@eneco.com', 'pass', 'eneco.com has authorised 5.255.64.53 (smtp1.blueinkt.com) to send mail on its behalf.'],
  ] as const;

  for (const [identity, result, words] of SEED) {
    it(`seed 004: ${identity} → ${result}, in the ; form and the & form`, async () => {
      for (const url of [`/api/why?scope=mfrom;identity=${identity};ip=${BLUEINKT}`, `/api/why?scope=mfrom&identity=${encodeURIComponent(identity)}&ip=${BLUEINKT}`]) {
        const res = await call({ url });
        assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
        const body = res.json();
        assert.equal(body.check.result, result, url);
        assert.ok(body.explanation.headline.startsWith(words), `${url}: ${body.explanation.headline}`);
      }
    });
  }

  it('checks a HELO name with scope=helo, and takes lang from the query', async () => {
    const body = (await call({ url: `/api/why?scope=helo;identity=mail.blueinkt.com;ip=${BLUEINKT};lang=nl` })).json();
    assert.equal(body.check.identity, 'helo');
    assert.equal(body.check.result, 'pass');
    assert.equal(body.lang, 'nl');
  });

  it('names the parameter at fault', async () => {
    assert.deepEqual(fields(await call({ url: `/api/why?scope=mfrom;ip=${BLUEINKT}` })), ['identity']);
    assert.deepEqual(fields(await call({ url: `/api/why?scope=mfrom;identity=info@;ip=${BLUEINKT}` })), ['identity']);
    assert.deepEqual(fields(await call({ url: '/api/why?scope=mfrom;identity=info@klant.nl;ip=nope' })), ['ip']);
    const scope = await call({ url: `/api/why?scope=pra&identity=info@klant.nl&ip=${BLUEINKT}` });
    assert.equal(scope.json().message, 'query parameter "scope" must be one of "mfrom", "helo"');
    assert.deepEqual(fields(await call({ url: `/api/why?scope=mfrom;identity=info@klant.nl;ip=${BLUEINKT};utm=x` })), ['utm']);
    assert.match((await call({ url: `/api/why?scope=mfrom;identity=a@klant.nl;identity=b@klant.nl;ip=${BLUEINKT}` })).json().message, /"identity" must be of type string/);
  });

});

describe("old openspf.org links (Why?s=…;id=…;ip=…;r=…, libspf2's Why?id=…&receiver=…)", () => {
  const SEED = [
    ['info%40klant.nl', 'none', 'klant.nl has not published an SPF policy.'],
    ['info@example.com', 'fail', 'example.com has declared that it does not send mail through 5.255.64.53 (smtp1.blueinkt.com)'],
    ['fm_eib_verkoop_midden%40eneco.com', 'pass', 'eneco.com has authorised 5.255.64.53 (smtp1.blueinkt.com) to send mail on its behalf.'],
  ] as const;

  for (const [id, result, words] of SEED) {
    it(`GET /api/why?s=mfrom;id=${id};ip=…;r=… → ${result}, as the current form answers`, async () => {
      const old = await call({ url: `/api/why?s=mfrom;id=${id};ip=${BLUEINKT};r=mx.example.org` });
      assert.equal(old.statusCode, 200, old.body);
      const body = old.json();
      assert.equal(body.check.result, result);
      assert.equal(body.check.identity, 'mfrom');
      assert.ok(body.explanation.headline.startsWith(words), body.explanation.headline);
      const current = (await call({ url: `/api/why?scope=mfrom;identity=${id};ip=${BLUEINKT}` })).json();
      assert.deepEqual(body.explanation, current.explanation);
    });
  }

  it('takes s=helo, the & separator, and libspf2 links without s (MAIL FROM)', async () => {
    const helo = (await call({ url: `/api/why?s=helo&id=mail.blueinkt.com&ip=${BLUEINKT}&r=mx.example.org&lang=nl` })).json();
    assert.equal(helo.check.identity, 'helo');
    assert.equal(helo.check.result, 'pass');
    assert.equal(helo.lang, 'nl');
    const libspf2 = (await call({ url: `/api/why?id=info%40example.com&ip=${BLUEINKT}&receiver=mx.example.org` })).json();
    assert.equal(libspf2.check.identity, 'mfrom');
    assert.equal(libspf2.check.result, 'fail');
  });

  it('gives r= to the %{r} macro of an explanation (exp=), "unknown" when it is not a domain name', async () => {
    const zone = `${SEED_004_ZONE}  weiger.nl: [{TXT: "v=spf1 -all exp=uitleg.weiger.nl"}]\n  uitleg.weiger.nl: [{TXT: "%{i} refused by %{r}"}]\n`;
    const own = server({ resolver: zoneResolver(zoneFromText(zone), { log: false }) });
    try {
      const named = (await call({ url: `/api/why?s=mfrom;id=info%40weiger.nl;ip=${BLUEINKT};r=mx.example.org` }, own)).json();
      assert.equal(named.check.result, 'fail');
      assert.equal(named.check.explanation, '5.255.64.53 refused by mx.example.org');
      const tool = (await call({ url: `/api/why?id=info%40weiger.nl&ip=${BLUEINKT}&receiver=spfquery` }, own)).json();
      assert.equal(tool.check.explanation, '5.255.64.53 refused by unknown');
    } finally {
      await own.close();
    }
  });

  it('refuses a question asked twice (s= and scope=) instead of picking one', async () => {
    const res = await call({ url: `/api/why?s=mfrom;scope=helo;id=info%40klant.nl;ip=${BLUEINKT}` });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().message, /"scope" must be of type string/);
    assert.deepEqual(fields(await call({ url: `/api/why?s=mfrom;ip=${BLUEINKT};r=mx.example.org` })), ['identity']);
  });

  it('serves the page at /Why (capital W, as openspf spelled it) and /why', async () => {
    const webRoot = await mkdtemp(join(tmpdir(), 'spfkit-why-'));
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>spfkit page</title>');
    const page = server({ webRoot });
    try {
      for (const url of [`/Why?s=mfrom;id=info%40klant.nl;ip=${BLUEINKT};r=mx.example.org`, `/why?scope=mfrom;identity=info@klant.nl;ip=${BLUEINKT}`]) {
        const res = await page.inject({ url });
        assert.equal(res.statusCode, 200, url);
        assert.match(res.headers['content-type']?.toString() ?? '', /^text\/html/, url);
        assert.match(res.body, /spfkit page/, url);
      }
    } finally {
      await page.close();
      await rm(webRoot, { recursive: true, force: true });
    }
  });
});

describe('POST /api/explain', () => {
  const explain = (payload: unknown, headers: Record<string, string> = {}) => call({ method: 'POST', url: '/api/explain', payload: payload as object, headers });

  it('explains a record term by term (en, nl)', async () => {
    const body = (await explain({ record: 'v=spf1 include:spf.byte.nl ip4:82.94.214.5 ~all' })).json();
    assert.equal(body.explanation.ok, true);
    assert.deepEqual(
      body.explanation.terms.map((t: { kind: string }) => t.kind),
      ['version', 'include', 'ip4', 'all'],
    );
    assert.equal(body.explanation.lookups, 1);
    const nl = (await explain({ record: 'v=spf1 include:spf.byte.nl ~all' }, { 'accept-language': 'nl' })).json();
    assert.equal(nl.lang, 'nl');
    assert.notEqual(nl.explanation.terms[1].meaning, body.explanation.terms[1].meaning);
  });

  it('points at syntax problems', async () => {
    const body = (await explain({ record: 'v=spf1 ip4:1.2.3 -all' })).json();
    assert.equal(body.explanation.ok, false);
    assert.equal(body.explanation.issues[0].column, 12);
    assert.equal(body.explanation.issues[0].code, 'bad-address');
  });

  it('explains the record a domain publishes, or says why it cannot', async () => {
    const found = (await explain({ domain: 'Example.COM.' })).json();
    assert.equal(found.domain, 'example.com');
    assert.equal(found.record, 'v=spf1 include:spf.protection.outlook.com -all');
    assert.equal(found.explanation.ok, true);
    assert.equal((await explain({ domain: 'klant.nl' })).json().problem.code, 'nodata');
    assert.equal((await explain({ domain: 'nergens.example.com' })).json().problem.code, 'nxdomain');
    assert.equal((await explain({ domain: 'dubbel.nl' })).json().problem.code, 'multiple-records');
    const slow = (await explain({ domain: 'traag.nl', lang: 'nl' })).json();
    assert.equal(slow.problem.code, 'timeout');
    assert.match(slow.problem.message, /traag\.nl/);
  });

  it('explains a record of bad characters as a bounded answer (issue 17.1; 42 MB before)', async () => {
    // 4 096 characters is the schema's cap for a record; 8 000 published in DNS: explain-bad-record.test.ts.
    for (const [bad, first, count] of [
      ['\x7f'.repeat(4080), 'illegal-character', 1],
      ['a\x7f'.repeat(2040), 'illegal-character', 2040],
      ['\x01'.repeat(2000), 'illegal-character', 1], // six bytes each in JSON: the body limit is 16 KB
      ['x.example '.repeat(400), 'unknown-mechanism', 399],
    ] as const) {
      const record = `v=spf1 a:${bad}`;
      const res = await explain({ record });
      assert.equal(res.statusCode, 200);
      assert.ok(Buffer.byteLength(res.body) < 100_000, `${Buffer.byteLength(res.body)} bytes`);
      const body = res.json();
      const x = body.explanation;
      // The record once: the explanation points into it by span, it carries no copy.
      assert.equal(body.record, record);
      assert.equal(x.text, undefined);
      assert.equal(x.issues[0].code, first);
      assert.ok(x.issues.length <= 20);
      assert.ok(x.terms.length <= 50);
      assert.equal(x.issues.length + x.moreIssues, count);
    }
  });

  it('explains a candidate record for a domain', async () => {
    const body = (await explain({ domain: 'klant.nl', record: 'v=spf1 a mx -all' })).json();
    assert.equal(body.domain, 'klant.nl');
    assert.match(body.explanation.terms[1].meaning, /klant\.nl/);
  });

  it('needs a record or a usable domain', async () => {
    assert.deepEqual(fields(await explain({})), ['record']);
    assert.deepEqual(fields(await explain({ domain: 'localhost' })), ['domain']);
    assert.deepEqual(fields(await explain({ record: 'v=spf1 -all', verbose: true })), ['verbose']);
  });
});

describe('GET /api/providers and POST /api/add', () => {
  const add = (payload: unknown) => call({ method: 'POST', url: '/api/add', payload: payload as object });

  it('lists the provider catalogue', async () => {
    const body = (await call({ url: '/api/providers' })).json();
    assert.equal(body.version, 1);
    assert.ok(body.providers.some((p: { id: string; mechanism: string }) => p.id === 'blueinkt' && p.mechanism === 'a:smtp1.blueinkt.com'));
  });

  it('seed 004: plans adding a:smtp1.blueinkt.com to the record Blue Inkt’s customer has, with the forms to publish', async () => {
    const body = (await add({ record: 'v=spf1 include:spf.protection.outlook.com', mechanism: 'a:smtp1.blueinkt.com', testIps: [BLUEINKT] })).json();
    assert.equal(body.plan.status, 'added');
    assert.match(body.plan.after.record, /^v=spf1 include:spf\.protection\.outlook\.com a:smtp1\.blueinkt\.com ~all$/);
    assert.equal(body.publish.main.name, '@');
    assert.match(body.publish.main.zoneLine, /^@ 3600 IN TXT "v=spf1 /);
  });

  it('asks for the domain when the record needs sub-records, never proposes a placeholder name (issue 16.4)', async () => {
    const long = `v=spf1 ${Array.from({ length: 40 }, (_, i) => `ip4:192.0.2.${i}`).join(' ')} -all`;
    const res = await add({ record: long, mechanism: 'ip4:198.51.100.0/24' });
    assert.deepEqual(fields(res), ['domain']);
    assert.doesNotMatch(res.body, /example\.invalid/);
    assert.match(res.json().issues[0].message, /_spf\.<domain>/);
    const named = (await add({ domain: 'klant.nl', record: long, mechanism: 'ip4:198.51.100.0/24' })).json();
    assert.ok(named.publish.subRecords.length > 0);
    assert.ok(named.publish.subRecords.every((s: { name: string }) => s.name.endsWith('klant.nl.') || s.name.endsWith('klant.nl')), JSON.stringify(named.publish.subRecords));
  });

  it('starts from the published record and takes a provider from the catalogue', async () => {
    const body = (await add({ domain: 'example.com', provider: 'blueinkt', ttl: 300 })).json();
    assert.equal(body.plan.status, 'added');
    assert.equal(body.plan.source, 'dns');
    assert.equal(body.provider.id, 'blueinkt');
    assert.match(body.publish.main.zoneLine, /^example\.com\. 300 IN TXT "v=spf1 include:spf\.protection\.outlook\.com a:smtp1\.blueinkt\.com -all"$/);
    const already = (await add({ domain: 'eneco.com', provider: 'blueinkt' })).json();
    assert.equal(already.plan.status, 'already-authorised');
  });

  it('words the plan in the language asked for (messages)', async () => {
    const request = { record: 'v=spf1 include:spf.protection.outlook.com', mechanism: 'a:smtp1.blueinkt.com', testIps: [BLUEINKT] };
    const nl = (await add({ ...request, lang: 'nl' })).json();
    assert.equal(nl.messages.reasons.length, nl.plan.reasons.length);
    assert.equal(nl.messages.warnings.length, nl.plan.warnings.length);
    assert.deepEqual(nl.messages.issues, []);
    assert.ok(nl.messages.reasons.some((r: string) => /~all wordt toegevoegd \(softfail: de e-mail wordt gemarkeerd, niet geweigerd\)/.test(r)), nl.messages.reasons.join('\n'));
    const en = (await add(request)).json();
    assert.ok(en.messages.reasons.some((r: string) => /~all is added \(softfail: marked, not rejected\)/.test(r)), en.messages.reasons.join('\n'));
    const dutchHeader = (await call({ method: 'POST', url: '/api/add', payload: request, headers: { 'accept-language': 'nl-NL,nl;q=0.9' } })).json();
    assert.deepEqual(dutchHeader.messages, nl.messages);
    const blocked = (await add({ domain: 'dubbel.nl', mechanism: 'include:spf.byte.nl', lang: 'nl' })).json();
    assert.match(blocked.messages.issues[0], /^dubbel\.nl publiceert 2 SPF-records; /);
    assert.deepEqual(nl.messages.verification, []);
    // A test IP the new mechanism does not cover: the plan does not verify, and says why in Dutch.
    const unverified = (await add({ record: 'v=spf1 -all', mechanism: 'ip4:192.0.2.0/24', testIps: ['198.51.100.7'], lang: 'nl' })).json();
    assert.equal(unverified.plan.verification.ok, false);
    assert.equal(unverified.messages.verification.length, unverified.plan.verification.issues.length);
    assert.match(unverified.messages.verification[0], /198\.51\.100\.7/);
    assert.doesNotMatch(unverified.messages.verification[0], /test-ip-not-pass/);
  });

  it('answers a plan that is blocked by the domain’s state (200, status blocked)', async () => {
    const body = (await add({ domain: 'dubbel.nl', mechanism: 'include:spf.byte.nl' })).json();
    assert.equal(body.plan.status, 'blocked');
    assert.equal(body.plan.issues[0].code, 'multiple-records');
    assert.equal(body.publish, undefined);
  });

  it('names the field at fault', async () => {
    assert.deepEqual(fields(await add({ domain: 'klant.nl' })), ['provider']);
    assert.deepEqual(fields(await add({ domain: 'klant.nl', provider: 'byte', mechanism: 'mx' })), ['mechanism']);
    assert.deepEqual(fields(await add({ mechanism: 'mx' })), ['domain']);
    assert.deepEqual(fields(await add({ domain: 'klant.nl', provider: 'nobody' })), ['provider']);
    assert.deepEqual(fields(await add({ domain: 'klant.nl', provider: 'Byte!' })), ['provider']);
    assert.deepEqual(fields(await add({ domain: 'klant.nl', mechanism: 'include:' })), ['mechanism']);
    assert.deepEqual(fields(await add({ domain: 'klant.nl', mechanism: '-all' })), ['mechanism']);
    // The words without the field's name too, for a form that marks the field itself.
    const all = (await add({ domain: 'klant.nl', mechanism: '-all', lang: 'en' })).json();
    assert.equal(all.message, `field "mechanism": ${all.issues[0].problem}`);
    assert.doesNotMatch(all.issues[0].problem, /field/);
    assert.deepEqual(fields(await add({ domain: 'klant.nl', mechanism: 'mx', testIps: ['1.2.3'] })), ['testIps']);
    assert.deepEqual(fields(await add({ domain: 'localhost', mechanism: 'mx' })), ['domain']);
    assert.deepEqual(fields(await add({ domain: 'klant.nl', mechanism: 'mx', ttl: -1 })), ['ttl']);
  });
});

describe('GET /api/audit/:domain', () => {
  it('audits a domain: areas, findings, a grade', async () => {
    const body = (await call({ url: '/api/audit/example.com?selectors=selector1,selector2' })).json();
    assert.equal(body.domain, 'example.com');
    assert.match(body.grade, /^[A-F]$/);
    assert.deepEqual(Object.keys(body.areas).sort(), ['dkim', 'dmarc', 'mx', 'spf']);
    assert.ok(body.findings.length > 0);
    assert.equal(body.lang, 'en');
  });

  it('speaks Dutch when asked', async () => {
    const en = (await call({ url: '/api/audit/klant.nl' })).json();
    const nl = (await call({ url: '/api/audit/klant.nl', headers: { 'accept-language': 'nl' } })).json();
    assert.equal(nl.lang, 'nl');
    assert.notEqual(nl.areas.spf.summary, en.areas.spf.summary);
    assert.equal((await call({ url: '/api/audit/klant.nl?lang=nl' })).json().lang, 'nl');
  });

  it('names the parameter at fault', async () => {
    assert.deepEqual(fields(await call({ url: '/api/audit/localhost' })), ['domain']);
    const many = Array.from({ length: 21 }, (_, i) => `s${i}`).join(',');
    assert.deepEqual(fields(await call({ url: `/api/audit/klant.nl?selectors=${many}` })), ['selectors']);
    const unknown = await call({ url: '/api/audit/klant.nl?selector=a' });
    assert.deepEqual(fields(unknown), ['selector']);
    assert.equal(unknown.json().message, 'unknown query parameter "selector"');
  });
});

describe('the server', () => {
  it('answers /healthz', async () => {
    const res = await call({ url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok' });
  });

  it('publishes a valid OpenAPI 3 document with every route', async () => {
    await SwaggerParser.validate(structuredClone(doc) as unknown as Parameters<typeof SwaggerParser.validate>[0]);
    assert.equal(doc.openapi, '3.0.3');
    assert.deepEqual(Object.keys(doc.paths as object).sort(), [
      '/api/add',
      '/api/audit/{domain}',
      '/api/check',
      '/api/explain',
      '/api/message',
      '/api/monitor/check',
      '/api/monitor/domains',
      '/api/monitor/domains/{domain}',
      '/api/monitor/domains/{domain}/check',
      '/api/monitor/events',
      '/api/monitor/export',
      '/api/monitor/import',
      '/api/monitor/what-if',
      '/api/providers',
      '/api/verdict',
      '/api/why',
      '/healthz',
      '/readyz',
    ]);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await call({ url: '/api/nope' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error, 'not-found');
  });

  it('hides internal errors: 500, a generic message and the request id, no details', async () => {
    const broken: Resolver = { query: () => Promise.reject(new Error('secret detail at /srv/app.ts:12:3')) };
    const app2 = createServer({ resolver: broken, logger: false, webRoot: false });
    try {
      const res = await call({ method: 'POST', url: '/api/check', payload: { ip: BLUEINKT, sender: 'info@klant.nl' } }, app2);
      assert.equal(res.statusCode, 500);
      const body = res.json();
      assert.equal(body.error, 'internal');
      assert.equal(body.message, `internal error; quote request id ${body.requestId}`);
      assert.doesNotMatch(res.body, /secret/);
    } finally {
      await app2.close();
    }
  });

  it('rate-limits the DNS routes per client (IPv6 per /64), not /healthz', async () => {
    const limited = server({ limits: { rateMax: 2 } });
    try {
      const from = (remoteAddress: string) => ({ method: 'POST' as const, url: '/api/check', payload: { ip: BLUEINKT, sender: 'info@klant.nl' }, remoteAddress });
      assert.equal((await limited.inject(from('2001:db8:1:2::1'))).statusCode, 200);
      assert.equal((await limited.inject(from('2001:db8:1:2::99'))).statusCode, 200);
      const third = await call(from('2001:db8:1:2:ffff::1'), limited);
      assert.equal(third.statusCode, 429);
      assert.equal(third.json().error, 'rate-limited');
      assert.ok(Number(third.headers['retry-after']) > 0);
      assert.equal((await limited.inject(from('2001:db8:1:3::1'))).statusCode, 200, 'another /64 is another client');
      assert.equal((await limited.inject({ url: '/healthz', remoteAddress: '2001:db8:1:2::1' })).statusCode, 200);
      assert.equal((await limited.inject({ url: '/api/providers', remoteAddress: '2001:db8:1:2::1' })).statusCode, 200);
    } finally {
      await limited.close();
    }
  });

  it('keys clients by IPv4 address or IPv6 /64', () => {
    assert.equal(clientKey('192.0.2.7'), '192.0.2.7');
    assert.equal(clientKey('::ffff:192.0.2.7'), '192.0.2.7');
    assert.equal(clientKey('2001:db8:1:2:3:4:5:6'), '2001:db8:1:2::/64');
  });

  it('serves the web page from webRoot, and JSON 404s under /api', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'spfkit-web-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>spfkit</title>');
    const web = server({ webRoot: dir });
    try {
      const page = await web.inject({ url: '/' });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<title>spfkit<\/title>/);
      assert.equal((await web.inject({ url: '/api/nope' })).json().error, 'not-found');
      assert.equal((await web.inject({ url: '/healthz' })).statusCode, 200);
    } finally {
      await web.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses contradictory or unusable options', () => {
    assert.throws(() => createServer({ resolver: zoneResolver(ZONE), dns: { servers: ['127.0.0.1'] }, logger: false }), /resolver or dns/);
    assert.throws(() => createServer({ resolver: zoneResolver(ZONE), limits: { maxQueries: 0 }, logger: false }), /limits\.maxQueries/);
  });
});
