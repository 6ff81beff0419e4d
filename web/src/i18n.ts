/**
 * The page's words in English and Dutch, from the library's catalogue (src/i18n/page.en.ts,
 * page.nl.ts): `pageText` checks each key and its parameters at compile time. The
 * explanations of a check come from the API (src/i18n, in the language asked for).
 *
 * Kept free of DOM APIs so that test/web/i18n.test.ts can check it under Node.
 */
import { type PageKey, pageEn } from '../../src/i18n/page.en.ts';
import { pageNl } from '../../src/i18n/page.nl.ts';

export type { PageKey };

export type PageLang = 'en' | 'nl';

export const PAGE_LANGS: readonly PageLang[] = ['en', 'nl'];

/** A message: a string, or a function of its parameters. */
type Message = string | ((p: never) => string);

/** The dictionary, per language. */
export const PAGE_MESSAGES: Readonly<Record<PageLang, Readonly<Record<PageKey, Message>>>> = { en: pageEn, nl: pageNl };

/** Keys whose message is plain text (no parameters). */
export type PlainKey = { [K in PageKey]: (typeof pageEn)[K] extends string ? K : never }[PageKey];

/** The parameters a key's message takes: none for a plain text. */
export type PageArgs<K extends PageKey> = (typeof pageEn)[K] extends (p: infer P) => string ? [params: P] : [];

/**
 * A page text in a language; the compiler checks the key and its parameters.
 *
 * @example
 * pageText('nl', 'tab.test') // 'Testen'
 * pageText('en', 'result.lookups', { count: 2, limit: 10 }) // 'DNS lookups: 2 of 10'
 */
export function pageText<K extends PageKey>(lang: PageLang, key: K, ...args: PageArgs<K>): string {
  const message = PAGE_MESSAGES[lang][key];
  return typeof message === 'string' ? message : (message as (p: unknown) => string)(args[0]);
}

export function isPageLang(value: string | null | undefined): value is PageLang {
  return value === 'en' || value === 'nl';
}

/**
 * The language to start in: a saved choice, else the first of the browser's languages that
 * the page speaks (`nl-BE` → `nl`), else English.
 *
 * @example
 * initialLang(undefined, ['nl-NL', 'en']) // 'nl'
 */
export function initialLang(saved: string | null | undefined, browserLangs: readonly string[]): PageLang {
  if (isPageLang(saved)) return saved;
  for (const tag of browserLangs) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isPageLang(primary)) return primary;
  }
  return 'en';
}
