/**
 * The "Why?" tab — openspf's Why page that seed 004 links per customer: a shareable address
 * (`#why?scope=mfrom&identity=info@klant.nl&ip=5.255.64.53`) that recomputes the check
 * from DNS through `GET /api/why` and explains it.
 */
import { ApiError, type CheckResponse, why } from './api.ts';
import { checkView } from './check-view.ts';
import { h } from './dom.ts';
import { FieldErrors } from './field-errors.ts';
import { type PageLang, pageText } from './i18n.ts';
import { basePath, routeHash } from './route.ts';
import { type PageContext, type Tab, ResultArea } from './tab.ts';

type Scope = 'mfrom' | 'helo';

interface WhyQuery {
  scope: Scope;
  identity: string;
  ip: string;
  /** The receiving host of an openspf link (`r=`), for %{r}; kept in the share link. */
  receiver?: string;
}

export class WhyTab implements Tab {
  readonly id = 'why' as const;
  private query: WhyQuery = { scope: 'mfrom', identity: '', ip: '' };
  private readonly fields = new FieldErrors();
  private readonly result = new ResultArea<{ query: WhyQuery; answer: CheckResponse }>(() => this.lang, {
    busy: 'test.running',
    done: ({ query, answer }, lang) => {
      // The link carries the language it was read in.
      const link = `${location.origin}${basePath(location.pathname)}${routeHash('why', { ...query, lang })}`;
      return [checkView(answer, lang), h('p', { class: 'share' }, `${pageText(lang, 'why.share')}: `, h('a', { href: link, id: 'why-link' }, link))];
    },
    fieldLabel: (name) => this.fields.label(name),
  });
  private lang: PageLang = 'en';

  render(ctx: PageContext): HTMLElement {
    const lang = ctx.lang;
    const langChanged = lang !== this.lang;
    this.lang = lang;
    if (langChanged) this.fields.clear();

    const scope = h(
      'select',
      { id: 'why-scope', name: 'scope' },
      h('option', { value: 'mfrom', selected: this.query.scope === 'mfrom' }, pageText(lang, 'why.scope.mfrom')),
      h('option', { value: 'helo', selected: this.query.scope === 'helo' }, pageText(lang, 'why.scope.helo')),
    );
    scope.addEventListener('change', () => (this.query.scope = scope.value === 'helo' ? 'helo' : 'mfrom'));
    const identity = h('input', { id: 'why-identity', name: 'identity', type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: 'info@klant.nl' });
    identity.value = this.query.identity;
    identity.addEventListener('input', () => (this.query.identity = identity.value.trim()));
    const ip = h('input', { id: 'why-ip', name: 'ip', type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', placeholder: '5.255.64.53' });
    ip.value = this.query.ip;
    ip.addEventListener('input', () => (this.query.ip = ip.value.trim()));

    const form = h(
      'form',
      { class: 'form', novalidate: true },
      this.fields.field('scope', pageText(lang, 'why.scope'), scope),
      this.fields.field('identity', pageText(lang, 'why.identity'), identity),
      this.fields.field('ip', pageText(lang, 'why.ip'), ip),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, pageText(lang, 'why.submit'))),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (this.query.identity === '' || this.query.ip === '') {
        this.result.fail(new Error(pageText(lang, 'why.missing')));
        return;
      }
      // The address carries the question: the page reloads to the same explanation.
      ctx.go('why', { ...this.query }, { replace: true });
      void this.run({ ...this.query });
    });

    const out = this.result.element();
    const last = this.result.done;
    if (langChanged && last) void this.run(last.query);

    return h('section', { class: 'panel', id: 'panel-why', 'aria-labelledby': 'tab-why' }, h('p', { class: 'intro' }, pageText(lang, 'why.intro')), form, out);
  }

  enter(params: Record<string, string>, ctx: PageContext): void {
    // The first request of a link goes out in the page's language (render comes after enter).
    this.lang = ctx.lang;
    const scope: Scope = params.scope === 'helo' ? 'helo' : 'mfrom';
    const identity = (params.identity ?? '').trim();
    const ip = (params.ip ?? '').trim();
    const receiver = (params.receiver ?? '').trim();
    if (identity === '' || ip === '') return;
    const last = this.result.done?.query;
    const same = last !== undefined && last.scope === scope && last.identity === identity && last.ip === ip && (last.receiver ?? '') === receiver;
    this.query = { scope, identity, ip, ...(receiver !== '' ? { receiver } : {}) };
    if (!same) void this.run({ ...this.query });
  }

  private async run(query: WhyQuery): Promise<void> {
    this.fields.clear();
    await this.result.run(async () => {
      try {
        return { query, answer: await why({ ...query, lang: this.lang }) };
      } catch (error) {
        if (error instanceof ApiError && error.status === 400) this.fields.show(error.issues);
        throw error;
      }
    });
  }
}
