/**
 * The "Why?" permalink's query, read the same way by the server (`GET /api/why`, `/why`) and
 * the page: openspf.org's Why page is gone, but the reject texts of Mail::SPF, policyd-spf,
 * libspf2 and Exim still link to it, so both spellings are one question:
 *
 * - ours: `?scope=mfrom&identity=info@klant.nl&ip=5.255.64.53` (`;` between parameters too);
 * - openspf's: `Why?s=mfrom;id=info%40klant.nl;ip=5.255.64.53;r=mx.example.org` (Mail::SPF's
 *   `s=%{_scope};id=%{S};ip=%{C};r=%{R}`), and libspf2's `Why?id=…&ip=…&receiver=…`, which
 *   has no scope and is always about MAIL FROM.
 *
 * An admin repoints an old reject text by changing only its host.
 *
 * Kept free of Node and DOM APIs: web/src/route.ts imports it.
 */

/** openspf's short parameter names and the names they stand for. */
const OPENSPF_NAMES: Readonly<Record<string, string>> = { s: 'scope', id: 'identity', r: 'receiver' };

/**
 * Parses a Why? query string (with or without its `?`; `;` or `&` between parameters) into
 * our parameter names. A name given twice — also as `s` and `scope` — gives a list, so a
 * schema that wants one string rejects it instead of silently picking one.
 *
 * @example
 * parseWhyQuery('s=mfrom;id=info%40klant.nl;ip=5.255.64.53;r=mx.example.org')
 * // { scope: 'mfrom', identity: 'info@klant.nl', ip: '5.255.64.53', receiver: 'mx.example.org' }
 * parseWhyQuery('id=info%40klant.nl&ip=5.255.64.53') // libspf2: { identity: …, ip: …, scope: 'mfrom' }
 */
export function parseWhyQuery(query: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  let openspfIdentity = false;
  for (const [given, value] of new URLSearchParams(query.replace(/^\?/, '').replaceAll(';', '&'))) {
    const name = OPENSPF_NAMES[given] ?? given;
    if (given === 'id') openspfIdentity = true;
    const seen = out[name];
    out[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  // libspf2's default explanation links `Why?id=%{S}&ip=%{C}&receiver=%{R}`: the MAIL FROM check.
  if (openspfIdentity && out.scope === undefined) out.scope = 'mfrom';
  return out;
}
