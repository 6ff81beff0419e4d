/**
 * spfkit's HTTP server: `createServer` builds it (test it with `app.inject`, serve it with
 * `app.listen`); `src/server/main.ts` runs it from environment settings.
 *
 * @example
 * import { createServer } from './server/index.ts';
 * const app = createServer({ dns: { servers: ['127.0.0.1:5353'] }, limits: { rateMax: 30 } });
 * await app.listen({ port: 8080, host: '127.0.0.1' });
 */
export { DEFAULT_LIMITS, clientKey, createServer, type ServerLimits, type ServerOptions } from './server.ts';
export { serverEnv, type ServerEnv } from './env.ts';
export type { ErrorBody, InputIssue } from './errors.ts';
export type { CheckResponse } from './check-routes.ts';
export type { ExplainResponse } from './explain-route.ts';
export type { AddResponse } from './add-routes.ts';
