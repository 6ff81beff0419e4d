/**
 * `GET /readyz`: whether spfkit's own DNS resolver answers, for a load balancer or monitor
 * (issue 16.2). `/healthz` stays liveness (the process serves); this one is 503 while every
 * check would end in temperror because the resolver itself is down. The probe is shared
 * with the check and audit routes and cached a few seconds (src/dns/health.ts).
 */
import type { FastifyInstance } from 'fastify';
import { t } from '../i18n/catalog.ts';
import { capitalize } from '../i18n/format.ts';
import { resolverWords } from '../spf/explain.ts';
import { type ServerContext, requestLang } from './context.ts';
import { READY_SCHEMA } from './schemas.ts';

/** Registers `GET /readyz`. */
export function readyRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/readyz', { schema: READY_SCHEMA }, async (request, reply) => {
    if (ctx.probe === undefined) return { status: 'ready', dns: { state: 'not-probed' } };
    const health = await ctx.probe();
    if (health.state === 'reachable') return { status: 'ready', dns: health };
    const lang = requestLang(request, undefined);
    return reply.code(503).send({ status: 'unavailable', dns: health, message: capitalize(t(lang, 'spf.resolver.unreachable', resolverWords(health))) });
  });
}
