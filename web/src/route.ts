/**
 * The page's addresses. Every tab has a hash route so links can be shared and the back
 * button works; the "Why?" page also answers at `/why?…` and takes openspf.org's `;`
 * separators (seed 004 links `Why?scope=mfrom;identity=…;ip=…`).
 *
 * Kept free of DOM APIs (test/web/route.test.ts runs it under Node).
 */
import { parseWhyQuery } from '../../src/app/why-link.ts';

export type TabId = 'test' | 'why' | 'audit' | 'onboard' | 'verdict' | 'customers';

export const TABS: readonly TabId[] = ['test', 'why', 'audit', 'onboard', 'verdict', 'customers'];

export interface Route {
  tab: TabId;
  params: Record<string, string>;
}

function isTab(value: string): value is TabId {
  return (TABS as readonly string[]).includes(value);
}

/** Query parameters, accepting `;` as a separator as openspf's Why page did. */
export function parseParams(query: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query.replace(/^\?/, '').replaceAll(';', '&'))) out[key] = value;
  return out;
}

/**
 * The route of a location: `#why?scope=…` (hash) first, else the path `/why?…`.
 *
 * @example
 * parseRoute({ pathname: '/', search: '', hash: '#why?scope=mfrom&identity=a@b.nl&ip=5.255.64.53' })
 * // { tab: 'why', params: { scope: 'mfrom', identity: 'a@b.nl', ip: '5.255.64.53' } }
 */
export function parseRoute(location: { pathname: string; search: string; hash: string }): Route {
  const hash = location.hash.replace(/^#\/?/, '');
  if (hash !== '') {
    const [name = '', query = ''] = hash.split(/\?(.*)/s, 2);
    const tab = name.toLowerCase();
    if (isTab(tab)) return { tab, params: tabParams(tab, query) };
  }
  const path = location.pathname.replace(/\/+$/, '').split('/').pop()?.toLowerCase() ?? '';
  if (isTab(path)) return { tab: path, params: tabParams(path, location.search) };
  return { tab: 'test', params: {} };
}

/** A tab's parameters; the Why? tab also takes openspf's names (`Why?s=mfrom;id=…;ip=…;r=…`), as the server does. */
function tabParams(tab: TabId, query: string): Record<string, string> {
  if (tab !== 'why') return parseParams(query);
  const out: Record<string, string> = {};
  // A name given twice: the last one, as parseParams does (the server would refuse the pair).
  for (const [name, value] of Object.entries(parseWhyQuery(query))) out[name] = typeof value === 'string' ? value : (value[value.length - 1] ?? '');
  return out;
}

/** The hash of a route: `#why?scope=mfrom&identity=…&ip=…`. */
export function routeHash(tab: TabId, params: Record<string, string> = {}): string {
  const entries = Object.entries(params).filter(([, v]) => v !== '');
  return entries.length === 0 ? `#${tab}` : `#${tab}?${new URLSearchParams(entries).toString()}`;
}

/**
 * The page's own path: the pathname without a tab name at its end (`/why` → `/`), so links
 * made on `/why?…` point at the page itself.
 *
 * @example
 * basePath('/why') // '/'
 * basePath('/spfkit/') // '/spfkit/'
 */
export function basePath(pathname: string): string {
  const parts = pathname.split('/');
  const last = parts[parts.length - 1]?.toLowerCase() ?? '';
  if (isTab(last)) parts[parts.length - 1] = '';
  const path = parts.join('/');
  return path === '' ? '/' : path;
}

/** The domain of a sender address (`info@klant.nl` → `klant.nl`), or the text when it has no `@`. */
export function senderDomain(sender: string): string {
  const at = sender.lastIndexOf('@');
  return (at === -1 ? sender : sender.slice(at + 1)).trim().replace(/\.$/, '').toLowerCase();
}

/** The shareable "Why?" address for a check of the published policy, in the language it was made in. */
export function whyLink(base: string, request: { ip: string; sender: string; helo?: string; lang: string }): string {
  const params = request.sender !== '' ? { scope: 'mfrom', identity: request.sender, ip: request.ip } : { scope: 'helo', identity: request.helo ?? '', ip: request.ip };
  return `${base}${routeHash('why', { ...params, lang: request.lang })}`;
}
