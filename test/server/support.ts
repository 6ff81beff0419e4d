/**
 * Shared by the server tests: the seed 004 zone, and a check that a response is what
 * /openapi.json says it is (so the published document cannot drift from the server).
 */
import assert from 'node:assert/strict';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * Seed 004 (Blue Inkt): smtp1.blueinkt.com = 5.255.64.53 sends for customers' domains.
 * klant.nl publishes no SPF record, example.com one without the server, eneco.com one with it.
 */
export const SEED_004_ZONE = `
zone:
  klant.nl: [{A: "192.0.2.80"}]
  example.com: [{TXT: "v=spf1 include:spf.protection.outlook.com -all"}]
  spf.protection.outlook.com: [{TXT: "v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 -all"}]
  eneco.com: [{TXT: "v=spf1 include:spf.protection.outlook.com a:smtp1.blueinkt.com -all"}]
  smtp1.blueinkt.com: [{A: "5.255.64.53"}]
  53.64.255.5.in-addr.arpa: [{PTR: "smtp1.blueinkt.com"}]
  mail.blueinkt.com: [{TXT: "v=spf1 a:smtp1.blueinkt.com -all"}]
  spf.byte.nl: [{TXT: "v=spf1 ip4:82.94.214.0/24 ip4:46.21.235.240/28 ~all"}]
  kapot.nl: [{TXT: "v=spf1 ip4:1.2.3 -all"}]
  dubbel.nl: [{TXT: "v=spf1 -all"}, {TXT: "v=spf1 mx ~all"}]
  traag.nl: [TIMEOUT]
  fanout.nl: [{TXT: "v=spf1 a:h1.fanout.nl a:h2.fanout.nl a:h3.fanout.nl a:h4.fanout.nl a:h5.fanout.nl -all"}]
  h1.fanout.nl: [{A: "192.0.2.1"}]
  h2.fanout.nl: [{A: "192.0.2.2"}]
  h3.fanout.nl: [{A: "192.0.2.3"}]
  h4.fanout.nl: [{A: "192.0.2.4"}]
  h5.fanout.nl: [{A: "192.0.2.5"}]
`;

/** JSON Pointer escaping (RFC 6901). */
function pointer(...parts: string[]): string {
  return parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/** Validates response bodies against the responses of an OpenAPI 3.0 document. */
export interface ResponseValidator {
  /** Asserts that `body` matches the document's schema for `method path` and `status`. */
  assert(method: string, path: string, status: number, body: unknown): void;
}

export function responseValidator(doc: unknown): ResponseValidator {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema(doc as object, 'openapi');
  const compiled = new Map<string, ValidateFunction>();
  return {
    assert(method, path, status, body) {
      const ref = `openapi#/${pointer('paths', path, method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema')}`;
      let validate = compiled.get(ref);
      if (!validate) {
        validate = ajv.compile({ $ref: ref });
        compiled.set(ref, validate);
      }
      assert.ok(validate(body), `${method} ${path} ${status} does not match /openapi.json: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
    },
  };
}
