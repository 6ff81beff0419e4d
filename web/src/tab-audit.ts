/**
 * The Audit tab: a domain's SPF/DMARC/DKIM findings with their fixes, grouped by severity
 * (`GET /api/audit/:domain`). A server without the route yet gets a clear message.
 */
import { type AuditAnswer, type AuditResult, type Finding, type Severity, audit } from './api.ts';
import { AUDIT_AREAS, type Verdict } from '../../src/audit/types.ts';
import { field, h, richText } from './dom.ts';
import { type PlainKey, type PageLang, pageText } from './i18n.ts';
import { type PageContext, type Tab, ResultArea } from './tab.ts';

/** Severities most important first (src/audit: error, warning, info). */
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const SEVERITY_KEY: Record<Severity, PlainKey> = { error: 'severity.error', warning: 'severity.warning', info: 'severity.info' };

const VERDICT_KEY: Record<Verdict, PlainKey> = { ok: 'verdict.ok', warning: 'verdict.warning', error: 'verdict.error', unknown: 'verdict.unknown', 'not-found': 'verdict.not-found' };

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
  private readonly result = new ResultArea<{ domain: string; selectors: string[]; answer: AuditAnswer }>(() => this.lang, {
    busy: 'audit.running',
    done: ({ answer }, lang) => (answer.available ? auditView(answer.result, lang) : h('p', { class: 'notice', role: 'status' }, pageText(lang, 'audit.unavailable'))),
  });
  private lang: PageLang = 'en';

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
        this.result.fail(new Error(pageText(lang, 'error.required', { field: pageText(lang, 'audit.domain') })));
        return;
      }
      const list = parseSelectors(this.selectors);
      ctx.go('audit', { domain: this.domain, selectors: list.join(',') }, { replace: true });
      void this.run(this.domain, list);
    });
    const out = this.result.element();
    const last = this.result.done;
    if (langChanged && last) void this.run(last.domain, last.selectors);
    return h('section', { class: 'panel', id: 'panel-audit', 'aria-labelledby': 'tab-audit' }, h('p', { class: 'intro' }, pageText(lang, 'audit.intro')), form, out);
  }

  enter(params: Record<string, string>, ctx: PageContext): void {
    // The first request of a link goes out in the page's language (render comes after enter).
    this.lang = ctx.lang;
    const domain = (params.domain ?? '').trim();
    if (domain === '') return;
    const selectors = parseSelectors(params.selectors ?? '');
    this.domain = domain;
    this.selectors = selectors.join(', ');
    const last = this.result.done;
    const same = last !== undefined && last.domain === domain && last.selectors.join(',') === selectors.join(',');
    if (!same) void this.run(domain, selectors);
  }

  private async run(domain: string, selectors: string[]): Promise<void> {
    await this.result.run(async () => ({ domain, selectors, answer: await audit(domain, selectors, this.lang) }));
  }
}

function auditView(result: AuditResult, lang: PageLang): HTMLElement {
  const { domain, findings } = result;
  const head = h(
    'div',
    { class: 'audit-head' },
    result.grade === null
      ? h('p', { class: 'grade grade-none', 'aria-label': pageText(lang, 'audit.noGrade'), title: pageText(lang, 'audit.noGrade') }, '–')
      : h('p', { class: `grade grade-${result.grade}`, 'aria-label': `${pageText(lang, 'audit.grade')} ${result.grade}`, title: pageText(lang, 'audit.grade') }, result.grade),
    // With the resolver down the four per-area findings are shown as one.
    h('h3', {}, `${domain} — ${pageText(lang, 'audit.count', { count: result.resolver ? 1 : findings.length })}`),
  );
  const areas = h(
    'dl',
    { class: 'areas' },
    AUDIT_AREAS.map((area) => {
      const a = result.areas[area];
      return [h('dt', { class: `verdict-${a.verdict}` }, `${area.toUpperCase()} · ${pageText(lang, VERDICT_KEY[a.verdict])}`), h('dd', {}, richText(a.summary))];
    }),
  );
  // spfkit's own resolver down: its one "could not check" per area says the same thing four
  // times, so the page says it once (the areas above each read "not checked").
  const down = result.resolver !== undefined ? findings[0] : undefined;
  if (down) {
    const banner = h(
      'div',
      { class: 'resolver-down', role: 'alert', 'data-id': down.id },
      h('p', {}, richText(down.message)),
      down.fix ? h('p', { class: 'fix' }, h('strong', {}, `${pageText(lang, 'audit.fix')}: `), richText(down.fix)) : null,
    );
    return h('div', { class: 'audit' }, head, areas, banner);
  }
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
