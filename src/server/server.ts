/**
 * The HTTP server: a Fastify instance with the JSON API, its OpenAPI document, the web page
 * (web/dist, when built) and the abuse limits of a public checker. `createServer` only builds
 * it — `app.inject()` tests it in-process, `app.listen()` serves it (src/server/main.ts).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import ipaddr from 'ipaddr.js';
import { queryAllowance } from '../dns/allowance.ts';
import { cachingResolver } from '../dns/cache.ts';
import type { Resolver } from '../dns/resolver.ts';
import { systemResolver } from '../dns/system.ts';
import { cachedProbe, resolverProbe } from '../dns/health.ts';
import { readyRoute } from './ready-route.ts';
import { type ProviderCatalogue, parseProviderCatalogue } from '../record/providers.ts';
import { recordCache } from '../spf/record-cache.ts';
import { addRoute, providersRoute } from './add-routes.ts';
import { auditRoute } from './audit-route.ts';
import { verdictRoute } from './verdict-route.ts';
import { VERDICT_COMPONENTS } from './verdict-schemas.ts';
import { checkRoutes } from './check-routes.ts';
import { messageRoute } from './message-route.ts';
import { DEFAULT_LIMITS, type ServerContext, type ServerLimits, releaseReserved } from './context.ts';
import { MAX_PARAM_LENGTH, errorHandler, notFoundHandler, socketErrorHandler } from './errors.ts';
import { explainRoute } from './explain-route.ts';
import { useJsonBodyParser } from './json-body.ts';
import { COMPONENTS, HEALTH_SCHEMA } from './schemas.ts';
import { MONITOR_COMPONENTS } from './monitor-schemas.ts';
import { type MonitorOptions, monitorRoutes } from './monitor-routes.ts';

export { DEFAULT_LIMITS, type ServerLimits } from './context.ts';

/** Options of `createServer`. */
export interface ServerOptions {
  /** Where DNS answers come from (a zone resolver in tests). Excludes `dns`. */
  resolver?: Resolver;
  /** The system resolver's servers (`127.0.0.1:5353`), per-try timeout (ms) and tries. Excludes `resolver`. */
  dns?: { servers?: string[]; timeout?: number; tries?: number };
  /** Abuse limits; each defaults to `DEFAULT_LIMITS`. */
  limits?: Partial<ServerLimits>;
  /** Fastify's pino logger: `true` (default) writes JSON lines to stdout; `false` for tests. */
  logger?: FastifyServerOptions['logger'];
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). Default false. */
  trustProxy?: boolean;
  /** Directory of the built web page served at `/`; default web/dist when it exists; `false` for none. */
  webRoot?: string | false;
  /** The provider catalogue; default data/providers.json. */
  catalogue?: ProviderCatalogue;
  /** The monitor's store for `/api/monitor/…` (token-protected); without it those routes answer 503. */
  monitor?: MonitorOptions;
}

/** How long /readyz and the routes reuse one probe of the resolver. */
const PROBE_TTL_MS = 5000;

/** src/server and dist/server both sit two levels below the package root. */
const PACKAGE_ROOT = new URL('../../', import.meta.url);

/** The shipped provider catalogue (data/providers.json), validated. */
export function loadCatalogue(): ProviderCatalogue {
  const url = new URL('data/providers.json', PACKAGE_ROOT);
  const parsed = parseProviderCatalogue(JSON.parse(readFileSync(url, 'utf8')));
  if (!parsed.ok) throw new Error(`the provider catalogue ${fileURLToPath(url)} is invalid: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return parsed.catalogue;
}

function checkLimits(limits: ServerLimits): ServerLimits {
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`createServer: limits.${name} must be a whole number ≥ 1, got ${String(value)}`);
  }
  return limits;
}

/**
 * The rate-limit key of a client: its IPv4 address, or the /64 of its IPv6 address (one
 * host usually holds a whole /64, so counting single addresses would let it rotate freely).
 *
 * @example
 * clientKey('2001:db8:1:2::7') // '2001:db8:1:2::/64'
 * clientKey('::ffff:192.0.2.1') // '192.0.2.1'
 */
export function clientKey(ip: string): string {
  if (!ipaddr.IPv6.isValid(ip)) return ip;
  const address = ipaddr.IPv6.parse(ip);
  if (address.isIPv4MappedAddress()) return address.toIPv4Address().toString();
  return `${address.parts
    .slice(0, 4)
    .map((p) => p.toString(16))
    .join(':')}::/64`;
}

/**
 * The request log without query strings: `/api/why?identity=info@klant.nl…` would otherwise
 * write people's addresses into every log line. The path and method stay.
 */
function privateLogger(logger: NonNullable<ServerOptions['logger']>): ServerOptions['logger'] {
  if (logger === false) return false;
  const base = typeof logger === 'object' ? logger : {};
  return {
    ...base,
    serializers: {
      req: (request: { method: string; url: string; ip?: string; id?: string }) => ({
        method: request.method,
        url: request.url.split('?')[0],
        remoteAddress: request.ip,
      }),
    },
  };
}

/**
 * Builds the spfkit HTTP server (not listening yet). One DNS cache and one parsed-record
 * cache serve all its requests; each request gets its own DNS query budget and deadline.
 *
 * Routes: `POST /api/check`, `GET /api/why`, `POST /api/explain`, `GET /api/providers`,
 * `POST /api/add`, `GET /api/audit/:domain`, `GET /healthz`, `GET /readyz`, `GET /openapi.json`, and
 * web/dist at `/`.
 *
 * @example
 * const app = createServer({ dns: { servers: ['127.0.0.1:5353'] }, logger: false });
 * const res = await app.inject({ method: 'POST', url: '/api/check', payload: { ip: '5.255.64.53', sender: 'info@klant.nl' } });
 * res.json().check.result; // 'none'
 * // or: await app.listen({ port: 8080, host: '127.0.0.1' });
 */
export function createServer(options: ServerOptions = {}): FastifyInstance {
  const limits = checkLimits({ ...DEFAULT_LIMITS, ...options.limits });
  if (options.resolver && options.dns) throw new Error('createServer: give resolver or dns, not both');
  const base = options.resolver ?? systemResolver(options.dns ?? {});
  const ctx: ServerContext = {
    resolver: cachingResolver(base),
    records: recordCache(),
    limits,
    allowance: queryAllowance({ perWindow: limits.clientQueries, windowMs: limits.rateWindowMs, now: () => performance.now() }),
    clientOf: (request) => clientKey(request.ip),
    reserved: new WeakMap(),
  };
  if (options.resolver === undefined) {
    const { servers, timeout } = options.dns ?? {};
    ctx.probe = cachedProbe(resolverProbe({ ...(servers ? { servers } : {}), ...(timeout ? { timeout } : {}) }), { ttlMs: PROBE_TTL_MS, now: () => performance.now() });
  }
  const catalogue = options.catalogue ?? loadCatalogue();
  const webRoot = options.webRoot ?? fileURLToPath(new URL('web/dist/', PACKAGE_ROOT));

  const handleError = errorHandler(limits.bodyBytes);
  const app = Fastify({
    logger: privateLogger(options.logger ?? true),
    genReqId: () => randomUUID(),
    bodyLimit: limits.bodyBytes,
    trustProxy: options.trustProxy ?? false,
    // Slow clients: the headers and the whole request must arrive within requestTimeoutMs, a
    // connection idle between requests is closed after idleTimeoutMs (handlers are bounded by
    // deadlineMs). Node checks these every connectionsCheckingInterval (30 s by default, which
    // let a slow client keep its connection for up to 40 s), so check every second.
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.idleTimeoutMs,
    http: { headersTimeout: limits.requestTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: Math.min(1000, limits.requestTimeoutMs) },
    return503OnClosing: true,
    // Domains in the path (/api/audit/:domain) may be 253 characters, %-encoded (default 100).
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // A badly %-encoded URL or an over-long path parameter: our error shape, with request id.
    frameworkErrors: (error, request, reply) => handleError(error, request, reply),
    // A timed-out, oversized or non-HTTP request: the same shape, with a request id.
    clientErrorHandler: socketErrorHandler(limits.requestTimeoutMs),
    // Unknown fields are an error, not silently dropped; no type coercion of JSON bodies.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  });
  // Response schemas document; they never cut or coerce what is sent (tests hold the two together).
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // The API speaks JSON only: a text/plain body is a 415, not a string that fails the schema.
  app.removeContentTypeParser('text/plain');
  useJsonBodyParser(app);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(notFoundHandler);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
  for (const schema of [...COMPONENTS, ...MONITOR_COMPONENTS, ...VERDICT_COMPONENTS]) app.addSchema(schema);

  void app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'spfkit HTTP API',
        version: '0.1.0',
        description:
          'Check, explain and edit SPF (RFC 7208) records. Each request has a DNS query budget and deadline (a DNS failure or an exhausted budget is a temperror); the DNS-querying routes are rate-limited per client (429 with Retry-After).',
      },
      tags: [
        { name: 'spf', description: 'Checking and explaining' },
        { name: 'record', description: 'Editing records' },
        { name: 'audit', description: 'Auditing a domain' },
        { name: 'server', description: 'Operations' },
        { name: 'monitor', description: 'Watched customer domains (API token required)' },
      ],
      components: { securitySchemes: { apiToken: { type: 'http', scheme: 'bearer', description: 'An API token from `spfkit monitor token create`.' } } },
    },
    // Shared schemas keep their $id as their name under #/components/schemas.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });

  // Registered as plugins, so that they load after @fastify/swagger and it sees them.
  void app.register(async (open) => {
    open.get('/healthz', { schema: HEALTH_SCHEMA }, async () => ({ status: 'ok' }));
    readyRoute(open, ctx);
    open.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    providersRoute(open, catalogue);
  });

  // The routes that make DNS queries: rate-limited per client, counted together.
  void app.register(async (api) => {
    await api.register(rateLimit, { max: limits.rateMax, timeWindow: limits.rateWindowMs, keyGenerator: (request) => clientKey(request.ip) });
    // The client's DNS allowance gets back what each request did not use (context.ts).
    api.addHook('onResponse', async (request) => releaseReserved(ctx, request));
    checkRoutes(api, ctx);
    explainRoute(api, ctx);
    addRoute(api, ctx, catalogue);
    auditRoute(api, ctx, catalogue);
    verdictRoute(api, ctx, catalogue);
    messageRoute(api, ctx, handleError);
  });

  // The monitor's routes: API token required, not rate-limited per client (tokens are the provider's own).
  const monitor = options.monitor ?? { open: () => Promise.reject(new Error('no monitor store is configured for this server')) };
  void app.register(async (scope) => monitorRoutes(scope, ctx, catalogue, monitor, base));

  if (webRoot !== false && existsSync(webRoot)) {
    void app.register(fastifyStatic, { root: webRoot, prefix: '/' });
    // The shareable "Why?" permalink (/why?scope=mfrom&identity=…&ip=…, as openspf had) is
    // the page itself; the page reads its query and asks /api/why. `/Why` is openspf's own
    // spelling, which old reject texts link to (src/app/why-link.ts reads both queries).
    for (const path of ['/why', '/Why']) app.get(path, { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html'));
  }
  return app;
}
