/**
 * The sender options shared by `spfkit add` and `spfkit bulk`: exactly one of --provider,
 * --include, --ip4, --ip6, --a, --mx, --mechanism; and the provider catalogue they name.
 */
import { readFile } from 'node:fs/promises';
import type { ParseArgsConfig } from 'node:util';
import { type Provider, type ProviderCatalogue, findProvider, parseProviderCatalogue } from '../record/providers.ts';
import { usage } from './io.ts';

export const SENDER_OPTIONS = {
  provider: { type: 'string' },
  include: { type: 'string' },
  ip4: { type: 'string' },
  ip6: { type: 'string' },
  a: { type: 'string' },
  mx: { type: 'boolean', default: false },
  mechanism: { type: 'string' },
  'test-ip': { type: 'string', multiple: true },
} as const satisfies ParseArgsConfig['options'];

export interface SenderOptionValues {
  provider?: string;
  include?: string;
  ip4?: string;
  ip6?: string;
  a?: string;
  mx?: boolean;
  mechanism?: string;
}

/** The sender the options name: a catalogue provider, or one mechanism. */
export type ChosenSender = { provider: Provider; mechanism: string } | { provider?: undefined; mechanism: string };

/** Exactly one sender option, resolved (a provider through the catalogue). */
export async function chooseSender(values: SenderOptionValues): Promise<ChosenSender> {
  const senders: Array<[string, string | undefined]> = [
    ['--provider', values.provider],
    ['--include', values.include === undefined ? undefined : `include:${values.include}`],
    ['--ip4', values.ip4 === undefined ? undefined : `ip4:${values.ip4}`],
    ['--ip6', values.ip6 === undefined ? undefined : `ip6:${values.ip6}`],
    ['--a', values.a === undefined ? undefined : `a:${values.a}`],
    ['--mx', values.mx ? 'mx' : undefined],
    ['--mechanism', values.mechanism],
  ];
  const chosen = senders.filter(([, v]) => v !== undefined);
  if (chosen.length !== 1) {
    throw chosen.length === 0 ? usage('usage.sender.none') : usage('usage.sender.several', { options: chosen.map(([flag]) => flag) });
  }
  if (values.provider === undefined) return { mechanism: chosen[0]?.[1] as string };
  const catalogue = await loadCatalogue();
  const provider = findProvider(catalogue, values.provider);
  if (!provider) throw usage('usage.sender.unknown-provider', { text: values.provider, known: catalogue.providers.map((p) => p.id) });
  return { provider, mechanism: provider.mechanism };
}

/** The shipped provider catalogue (data/providers.json), validated. */
export async function loadCatalogue(): Promise<ProviderCatalogue> {
  // data/ sits two levels up from both src/cli and dist/cli.
  const url = new URL('../../data/providers.json', import.meta.url);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(url, 'utf8'));
  } catch (error) {
    throw usage('usage.sender.catalogue-unreadable', { name: url.pathname, detail: error instanceof Error ? error.message : String(error) });
  }
  const parsed = parseProviderCatalogue(data);
  if (!parsed.ok) throw usage('usage.sender.catalogue-invalid', { detail: parsed.issues.map((i) => i.message).join('; ') });
  return parsed.catalogue;
}
