/**
 * The provider catalogue's own texts in Dutch. data/providers.json is their English source
 * (it is data, shared with the API and the page); here each text is translated, keyed by the
 * provider id and where the text sits. test/cli/terms.test.ts fails when a text in the
 * catalogue has no translation here, or a translation has no text.
 */
export interface ProviderTexts {
  note?: string;
  /** By the additional mechanism. */
  additional?: Readonly<Record<string, string>>;
  /** By the DKIM selector. */
  dkim?: Readonly<Record<string, string>>;
}

export const PROVIDER_TEXTS_NL: Readonly<Record<string, ProviderTexts>> = {
  coachview: {
    note: 'Helppagina van Coachview: test met 212.83.209.204, maar zet dat adres niet in het record; alleen "pass" is goed, "softfail" belandt in de spam.',
  },
  dmrmail: {
    note: 'De helppagina noemt geen verzendadres: testadressen worden bij het uitvoeren afgeleid uit de adresreeksen van spf.dmrmail.nl.',
    additional: { 'include:awsspf.prezent.nl': 'Alleen als Prezent ook de website host en die e-mail verstuurt (contactformulieren).' },
  },
  byte: {
    note: 'spf.byte.nl is v=spf1 ip4:82.94.214.0/24 ip4:46.21.235.240/28 ~all (seed 002). Hypernode-klanten gebruiken in plaats daarvan include:spf.<appname>.hypernode.io, dat spf.byte.nl insluit.',
  },
  blueinkt: { note: 'De e-mail wordt verstuurd vanaf smtp1.blueinkt.com (5.255.64.53 in seed 004).' },
  'google-workspace': { dkim: { google: 'De sleutel wordt in de Admin-console gemaakt; daar kan ook de selector worden gewijzigd.' } },
  mailchimp: { note: 'Mailchimp verstuurt met een eigen envelopdomein; de SPF-include telt alleen voor een eigen return-path.' },
  'amazon-ses': {
    note: 'SES gebruikt amazonses.com als envelopdomein, tenzij een eigen MAIL FROM-domein is ingesteld; de include hoort in het record van dat domein.',
    dkim: { '{token}': 'Easy DKIM: drie tokens, elk een eigen CNAME.' },
  },
};
