/**
 * The "will it be accepted?" use case, one for both shells: the prediction from DNS
 * (`predictDelivery`) and its words in the language asked for. `spfkit verdict` and
 * `POST /api/verdict` call it; input errors come back as `VerdictInputError`, which each shell
 * words with its own field names (`describeVerdictInputIssue`).
 */
import type { Resolver } from '../dns/resolver.ts';
import type { Lang } from '../i18n/lang.ts';
import type { ProviderCatalogue } from '../record/providers.ts';
import { predictDelivery } from '../verdict/predict.ts';
import type { DeliveryPrediction, VerdictInput } from '../verdict/types.ts';
import { describeVerdict, type VerdictWords } from '../verdict/words.ts';

/** What both shells answer: the prediction as data and in words. */
export interface VerdictReport {
  prediction: DeliveryPrediction;
  words: VerdictWords;
  lang: Lang;
}

/**
 * Predicts and words one sending setup.
 *
 * @example
 * const report = await verdictReport({ ip, helo, mailFrom: 'info@klant.nl', fromDomain: 'klant.nl', provider: 'dmrmail' }, { resolver, catalogue, lang: 'nl' });
 * report.words.headline; // 'Mail met From klant.nl slaagt voor DMARC: …'
 */
export async function verdictReport(input: VerdictInput, deps: { resolver: Resolver; catalogue: ProviderCatalogue; lang: Lang }): Promise<VerdictReport> {
  const prediction = await predictDelivery(input, { resolver: deps.resolver, catalogue: deps.catalogue, now: () => Date.now() });
  return { prediction, words: describeVerdict(prediction, deps.lang), lang: deps.lang };
}
