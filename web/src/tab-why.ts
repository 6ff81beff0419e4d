/**
 * The "Why?" tab — openspf's Why page that seed 004 links per customer: a shareable address
 * (`#why?scope=mfrom&identity=info@klant.nl&ip=5.255.64.53`) that recomputes the check
 * from DNS through `GET /api/why` and explains it.
 */
import { type CheckResponse, why } from './api.ts';
import { checkView } from './check-view.ts';
import { field, h, replace } from './dom.ts';
import { type PageLang, pageText } from './i18n.ts';
import { basePath, routeHash } from './route.ts';
import { type PageContext, type Tab, busyView, errorView } from './tab.ts';

type Scope = 'mfrom' | 'helo';

interface WhyQuery {
  scope: Scope;
  identity: string;
  ip: string;
}

type Outcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; query: WhyQuery; answer: CheckResponse } | { kind: 'error'; error: unknown };

export class WhyTab implements Tab {
  readonly id = 'why' as const;
  private query: WhyQuery = { scope: 'mfrom', identity: '', ip: '' };
  private outcome: Outcome = { kind: 'idle' };
  private out: HTMLElement | undefined;
  private lang: PageLang = 'en';
  private generation = 0;

  render(ctx: PageContext): HTMLElement {
    const lang = ctx.lang;
    const langChanged = lang !== this.lang;
    this.lang = lang;

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
      field(pageText(lang, 'why.scope'), scope),
      field(pageText(lang, 'why.identity'), identity),
      field(pageText(lang, 'why.ip'), ip),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, pageText(lang, 'why.submit'))),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (this.query.identity === '' || this.query.ip === '') {
        this.outcome = { kind: 'error', error: new Error(pageText(lang, 'why.missing')) };
        this.renderOutcome(ctx);
        return;
      }
      // The address carries the question: the page reloads to the same explanation.
      ctx.go('why', { ...this.query }, { replace: true });
      void this.run(ctx, { ...this.query });
    });

    this.out = h('div', { class: 'out', 'aria-live': 'polite', 'aria-busy': 'false' });
    this.renderOutcome(ctx);
    if (langChanged && this.outcome.kind === 'done') void this.run(ctx, this.outcome.query);

    return h('section', { class: 'panel', id: 'panel-why', 'aria-labelledby': 'tab-why' }, h('p', { class: 'intro' }, pageText(lang, 'why.intro')), form, this.out);
  }

  enter(params: Record<string, string>, ctx: PageContext): void {
    const scope: Scope = params.scope === 'helo' ? 'helo' : 'mfrom';
    const identity = (params.identity ?? '').trim();
    const ip = (params.ip ?? '').trim();
    if (identity === '' || ip === '') return;
    const same = this.outcome.kind === 'done' && this.outcome.query.scope === scope && this.outcome.query.identity === identity && this.outcome.query.ip === ip;
    this.query = { scope, identity, ip };
    if (!same) void this.run(ctx, { ...this.query });
  }

  private async run(ctx: PageContext, query: WhyQuery): Promise<void> {
    const generation = ++this.generation;
    this.outcome = { kind: 'busy' };
    this.renderOutcome(ctx);
    try {
      const answer = await why({ ...query, lang: this.lang });
      if (generation === this.generation) this.outcome = { kind: 'done', query, answer };
    } catch (error) {
      if (generation === this.generation) this.outcome = { kind: 'error', error };
    }
    if (generation === this.generation) this.renderOutcome(ctx);
  }

  private renderOutcome(ctx: PageContext): void {
    const out = this.out;
    if (!out) return;
    const lang = ctx.lang;
    const outcome = this.outcome;
    out.setAttribute('aria-busy', String(outcome.kind === 'busy'));
    switch (outcome.kind) {
      case 'idle':
        replace(out);
        return;
      case 'busy':
        replace(out, busyView(pageText(lang, 'test.running')));
        return;
      case 'error':
        replace(out, errorView(outcome.error, lang));
        return;
      case 'done': {
        const link = `${location.origin}${basePath(location.pathname)}${routeHash('why', { ...outcome.query })}`;
        replace(out, checkView(outcome.answer, lang), h('p', { class: 'share' }, `${pageText(lang, 'why.share')}: `, h('a', { href: link, id: 'why-link' }, link)));
        return;
      }
      default: {
        const never: never = outcome;
        throw new Error(`unhandled outcome ${String(never)}`);
      }
    }
  }
}
