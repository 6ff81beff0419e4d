import { type MessageArgs, type MessageKey, t } from '../i18n/catalog.ts';
import { type Lang, type LocaleEnv, isLang, localeLang } from '../i18n/lang.ts';

/** What a CLI command may touch: its output streams and whether they are terminals. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour and progress bars only on a terminal. */
  isTty: boolean;
  /** Environment variables (NO_COLOR …). */
  env: Readonly<Record<string, string | undefined>>;
}

/** Exit codes shared by all commands (documented in the README). */
export const EXIT = {
  /** check: the result is pass; other commands: success. */
  ok: 0,
  /** check: any result other than pass; audit: errors found. */
  notPass: 1,
  /** Usage or input error (bad option, bad IP, unreadable file, bad zone …). */
  usage: 2,
} as const;

/**
 * An input error with a one-line message in any language; the dispatcher prints it in the
 * command's `--lang` and exits 2. `message` is the English text.
 */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly words: (lang: Lang) => string;

  constructor(words: (lang: Lang) => string) {
    super(words('en'));
    this.words = words;
  }
}

/**
 * A usage error from the catalogue.
 *
 * @example
 * throw usage('usage.add.ttl', { text: values.ttl });
 */
export function usage<K extends MessageKey>(key: K, ...args: MessageArgs<K>): UsageError {
  return new UsageError((lang) => t(lang, key, ...args));
}

/**
 * A command's `--help` text in the `--lang` given, else in the locale's language (an
 * unknown `--lang` falls back to that too: asking for help never fails).
 *
 * @example
 * io.stdout(helpText('help.check', values.lang, io.env));
 */
export function helpText(key: 'help.check' | 'help.explain' | 'help.audit' | 'help.add' | 'help.bulk' | 'help.policyd' | 'help.monitor' | 'help.verdict' | 'help.message', lang: string | undefined, env: LocaleEnv): string {
  const chosen = lang !== undefined && isLang(lang) ? lang : localeLang(env);
  return t(chosen, key, { dns: t(chosen, 'help.dns') }) + '\n';
}

/**
 * An error message as one printable line: line breaks and tabs become spaces, and control
 * characters (C0, DEL, C1), bidi controls and lone surrogates — which file names, zone files
 * and records can carry — are shown as escapes (`\x00`, `\u{202e}`), never written raw.
 *
 * @example
 * oneLine('zone file x: bad\n  1 | \x7fELF') // 'zone file x: bad 1 | \\x7fELF'
 */
export function oneLine(text: string): string {
  return text
    .replace(/[\r\n\t]+\s*/g, ' ')
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => {
      const code = c.charCodeAt(0);
      return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
    })
    .trim();
}
