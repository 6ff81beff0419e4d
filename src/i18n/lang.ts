/**
 * The languages spfkit speaks, and picking one from an HTTP `Accept-Language` header.
 */

/** A language spfkit has a message catalogue for. */
export type Lang = 'en' | 'nl';

/** Every supported language; the first is the default. */
export const LANGS: readonly Lang[] = Object.freeze(['en', 'nl']);

/** The language used when nothing better is known. */
export const DEFAULT_LANG: Lang = 'en';

/**
 * Narrows a string (a `--lang` option, a query parameter) to a `Lang`.
 *
 * @example
 * isLang('nl') // true
 * isLang('de') // false
 */
export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/**
 * The best supported language for an `Accept-Language` header (RFC 9110 §12.5.4): ranges
 * are tried by descending weight (`q`), matched on their primary subtag (`nl-BE` → `nl`);
 * `q=0` excludes a language; `*` stands for the default. Anything unusable gives `en`.
 *
 * @example
 * detectLang('nl-NL,nl;q=0.9,en-US;q=0.8') // 'nl'
 * detectLang('de-DE, en;q=0.5')           // 'en'
 * detectLang(undefined)                   // 'en'
 */
export function detectLang(acceptLanguage?: string): Lang {
  if (!acceptLanguage) return DEFAULT_LANG;
  const ranges: Array<{ tag: string; q: number; order: number }> = [];
  acceptLanguage.split(',').forEach((part, order) => {
    const [rawTag = '', ...params] = part.split(';');
    const tag = rawTag.trim().toLowerCase();
    if (tag === '') return;
    let q = 1;
    for (const param of params) {
      const [name = '', value = ''] = param.split('=');
      if (name.trim().toLowerCase() !== 'q') continue;
      const n = Number(value.trim());
      q = Number.isFinite(n) ? Math.min(Math.max(n, 0), 1) : 0;
    }
    ranges.push({ tag, q, order });
  });
  // Stable order: equal weights keep the order the client listed them in.
  ranges.sort((a, b) => b.q - a.q || a.order - b.order);
  const excluded = new Set(ranges.filter((r) => r.q === 0).map((r) => r.tag));
  for (const { tag, q } of ranges) {
    if (q === 0) continue;
    if (tag === '*') return excluded.has(DEFAULT_LANG) ? (LANGS.find((l) => !excluded.has(l)) ?? DEFAULT_LANG) : DEFAULT_LANG;
    const primary = tag.split('-')[0] ?? '';
    if (isLang(primary) && !excluded.has(primary)) return primary;
  }
  return DEFAULT_LANG;
}

/** The locale variables a program's messages follow (POSIX, XBD §8.2). */
export interface LocaleEnv {
  readonly LC_ALL?: string | undefined;
  readonly LC_MESSAGES?: string | undefined;
  readonly LANG?: string | undefined;
}

/**
 * The language of a terminal's locale, for a command line without `--lang`: POSIX
 * precedence — the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty
 * decides; its language part (`nl_NL.UTF-8`, `nl_BE@euro`, `nl`) is matched, and a locale
 * spfkit has no catalogue for (`C`, `POSIX`, `de_DE.UTF-8`) gives `en`.
 *
 * @example
 * localeLang({ LANG: 'nl_NL.UTF-8' })                     // 'nl'
 * localeLang({ LC_ALL: 'C', LANG: 'nl_NL.UTF-8' })        // 'en' (LC_ALL wins)
 * localeLang({ LC_MESSAGES: 'nl_BE', LANG: 'en_GB' })     // 'nl'
 * localeLang({})                                          // 'en'
 */
export function localeLang(env: LocaleEnv): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  if (locale === undefined) return DEFAULT_LANG;
  const language = (/^[A-Za-z]+/.exec(locale)?.[0] ?? '').toLowerCase();
  return isLang(language) ? language : DEFAULT_LANG;
}
