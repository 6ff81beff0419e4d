/**
 * The JSON body parser of the API. `JSON.parse` itself is safe (a `"__proto__"` key becomes an
 * own property, no prototype changes), but code that copies such an object with assignment or
 * a deep merge is not, so — like Fastify's own parser — bodies with a `__proto__` key, or a
 * `constructor` object with a `prototype`, are refused. Unlike Fastify's parser, the refusal
 * names the key and where it is, instead of calling valid JSON "not valid JSON".
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastify from 'fastify';

/** A body that is valid JSON but has a key the API refuses; `field` is its dotted path. */
export class ForbiddenKeyError extends Error {
  override name = 'ForbiddenKeyError';
  readonly statusCode = 400;
  constructor(
    readonly field: string,
    readonly key: string,
  ) {
    super(`the body has a key "${key}" at ${field}, which is refused`);
  }
}

/** The first forbidden key in `value`, breadth first, with its dotted path. */
export function findForbiddenKey(value: unknown): { field: string; key: string } | undefined {
  let level: { path: string[]; node: unknown }[] = [{ path: [], node: value }];
  while (level.length > 0) {
    const next: typeof level = [];
    for (const { path, node } of level) {
      if (typeof node !== 'object' || node === null) continue;
      if (Object.hasOwn(node, '__proto__')) return { field: [...path, '__proto__'].join('.'), key: '__proto__' };
      const ctor = (node as Record<string, unknown>).constructor;
      if (Object.hasOwn(node, 'constructor') && typeof ctor === 'object' && ctor !== null && Object.hasOwn(ctor, 'prototype')) {
        return { field: [...path, 'constructor'].join('.'), key: 'constructor' };
      }
      for (const [key, child] of Object.entries(node)) {
        if (typeof child === 'object' && child !== null) next.push({ path: [...path, key], node: child });
      }
    }
    level = next;
  }
  return undefined;
}

/**
 * Replaces Fastify's `application/json` parser (same size limit, same empty-body and
 * syntax errors) with one that names a forbidden key (`ForbiddenKeyError`).
 */
export function useJsonBodyParser(app: FastifyInstance): void {
  const { FST_ERR_CTP_EMPTY_JSON_BODY } = fastify.errorCodes;
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request: FastifyRequest, body: string | Buffer, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text === '') {
      done(new FST_ERR_CTP_EMPTY_JSON_BODY(), undefined);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      // The error handler answers a SyntaxError with status 400 as "not valid JSON".
      (error as SyntaxError & { statusCode: number }).statusCode = 400;
      done(error as Error, undefined);
      return;
    }
    const forbidden = findForbiddenKey(parsed);
    done(forbidden ? new ForbiddenKeyError(forbidden.field, forbidden.key) : null, forbidden ? undefined : parsed);
  });
}
