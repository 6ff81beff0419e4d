/**
 * The Audit tab: a domain's SPF/DMARC/DKIM findings with their fixes, grouped by severity
 * (`GET /api/audit/:domain`). A server without the route yet gets a clear message.
 */
import { type AuditAnswer, type AuditResult, type Finding, type Severity, audit } from './api.ts';
import { AUDIT_AREAS, type Verdict } from '../../src/audit/types.ts';
import { field, h, replace, richText } from './dom.ts';
import { type PlainKey, type PageLang, pageText } from './i18n.ts';
import { type PageContext, type Tab, busyView, errorView } from './tab.ts';

type Outcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; domain: string; selectors: string[]; answer: AuditAnswer } | { kind: 'error'; error: unknown };

/** Severities most important first (src/audit: error, warning, info). */
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const SEVERITY_KEY: Record<Severity, PlainKey> = { error: 'severity.error', warning: 'severity.warning', info: 'severity.info' };

const VERDICT_KEY: Record<Verdict, PlainKey> = { ok: 'verdict.ok', warning: 'verdict.warning', error: 'verdict.error', unknown: 'verdict.unknown' };

export function parseSelectors(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export class AuditTab implements Tab {
  readonly id = 'audit' as const;
  private domain = '';
  private selectors = '';
  private outcome: Outcome = { kind: 'idle' };
  private out: HTMLElement | undefined;
  private lang: PageLang = 'en';
  private generation = 0;

  render(ctx: PageContext): HTMLElement {
    const lang = ctx.lang;
    const langChanged = lang !== this.lang;
    this.lang = lang;
    const domain = h('input', { id: 'audit-domain', name: 'domain', type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: 'mydomain.nl' });
    domain.value = this.domain;
    domain.addEventListener('input', () => (this.domain = domain.value.trim()));
    const selectors = h('input', { id: 'audit-selectors', name: 'selectors', type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: 'prezent-a, prezent-b' });
    selectors.value = this.selectors;
    selectors.addEventListener('input', () => (this.selectors = selectors.value));
    const form = h(
      'form',
      { class: 'form', novalidate: true },
      field(pageText(lang, 'audit.domain'), domain),
      field(pageText(lang, 'audit.selectors'), selectors),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, pageText(lang, 'audit.submit'))),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (this.domain === '') {
        this.outcome = { kind: 'error', error: new Error(pageText(lang, 'error.required', { field: pageText(lang, 'audit.domain') })) };
        this.renderOutcome();
        return;
      }
      const list = parseSelectors(this.selectors);
      ctx.go('audit', { domain: this.domain, selectors: list.join(',') }, { replace: true });
      void this.run(this.domain, list);
    });
    this.out = h('div', { class: 'out', 'aria-live': 'polite', 'aria-busy': 'false' });
    this.renderOutcome();
    if (langChanged && this.outcome.kind === 'done') void this.run(this.outcome.domain, this.outcome.selectors);
    return h('section', { class: 'panel', id: 'panel-audit', 'aria-labelledby': 'tab-audit' }, h('p', { class: 'intro' }, pageText(lang, 'audit.intro')), form, this.out);
  }

  enter(params: Record<string, string>): void {
    const domain = (params.domain ?? '').trim();
    if (domain === '') return;
    const selectors = parseSelectors(params.selectors ?? '');
    this.domain = domain;
    this.selectors = selectors.join(', ');
    const same = this.outcome.kind === 'done' && this.outcome.domain === domain && this.outcome.selectors.join(',') === selectors.join(',');
    if (!same) void this.run(domain, selectors);
  }

  private async run(domain: string, selectors: string[]): Promise<void> {
    const generation = ++this.generation;
    this.outcome = { kind: 'busy' };
    this.renderOutcome();
    try {
      const answer = await audit(domain, selectors, this.lang);
      if (generation === this.generation) this.outcome = { kind: 'done', domain, selectors, answer };
    } catch (error) {
      if (generation === this.generation) this.outcome = { kind: 'error', error };
    }
    if (generation === this.generation) this.renderOutcome();
  }

  private renderOutcome(): void {
    const out = this.out;
    if (!out) return;
    const lang = this.lang;
    const outcome = this.outcome;
    out.setAttribute('aria-busy', String(outcome.kind === 'busy'));
    switch (outcome.kind) {
      case 'idle':
        replace(out);
        return;
      case 'busy':
        replace(out, busyView(pageText(lang, 'audit.running')));
        return;
      case 'error':
        replace(out, errorView(outcome.error, lang));
        return;
      case 'done':
        replace(out, outcome.answer.available ? auditView(outcome.answer.result, lang) : h('p', { class: 'notice', role: 'status' }, pageText(lang, 'audit.unavailable')));
        return;
      default: {
        const never: never = outcome;
        throw new Error(`unhandled outcome ${String(never)}`);
      }
    }
  }
}

function auditView(result: AuditResult, lang: PageLang): HTMLElement {
  const { domain, findings } = result;
  const head = h(
    'div',
    { class: 'audit-head' },
    h('p', { class: `grade grade-${result.grade}`, 'aria-label': `${pageText(lang, 'audit.grade')} ${result.grade}`, title: pageText(lang, 'audit.grade') }, result.grade),
    h('h3', {}, `${domain} — ${pageText(lang, 'audit.count', { count: findings.length })}`),
  );
  const areas = h(
    'dl',
    { class: 'areas' },
    AUDIT_AREAS.map((area) => {
      const a = result.areas[area];
      return [h('dt', { class: `verdict-${a.verdict}` }, `${area.toUpperCase()} · ${pageText(lang, VERDICT_KEY[a.verdict])}`), h('dd', {}, richText(a.summary))];
    }),
  );
  const sections = SEVERITIES.map((severity) => {
    const list = findings.filter((f) => f.severity === severity);
    if (list.length === 0) return null;
    return h(
      'section',
      { class: `severity severity-${severity}`, 'data-severity': severity },
      h('h4', {}, `${pageText(lang, SEVERITY_KEY[severity])} (${list.length})`),
      h('ul', {}, list.map((f) => findingView(f, lang))),
    );
  });
  return h('div', { class: 'audit' }, head, areas, findings.length === 0 ? h('p', { class: 'ok' }, pageText(lang, 'audit.none')) : sections);
}

function findingView(f: Finding, lang: PageLang): HTMLElement {
  return h(
    'li',
    { class: 'finding', 'data-id': f.id },
    h('p', {}, h('span', { class: 'area' }, f.area.toUpperCase()), ' ', richText(f.message)),
    f.fix ? h('p', { class: 'fix' }, h('strong', {}, `${pageText(lang, 'audit.fix')}: `), richText(f.fix)) : null,
  );
}
