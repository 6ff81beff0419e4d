/**
 * spfkit's words in every language: the message catalogue, `t()`, and language detection.
 *
 * @example
 * import { detectLang, t } from './i18n/index.ts';
 * t(detectLang('nl-NL,nl;q=0.9'), 'spf.headline.none', { domain: 'klant.nl' });
 */
export { type Lang, type LocaleEnv, DEFAULT_LANG, LANGS, detectLang, isLang, localeLang } from './lang.ts';
export { type Catalog, type MessageArgs, type MessageKey, MESSAGES, t } from './catalog.ts';
export type { AreaMessages, Message, Translation } from './types.ts';
export type { BranchCount, RecordRef } from './spf.en.ts';
export { code, joinList } from './format.ts';
