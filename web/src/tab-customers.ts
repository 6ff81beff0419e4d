/**
 * The "Customers" tab: the monitor's watched domains for the provider's operator, behind an
 * API token (`spfkit monitor token create`; kept in sessionStorage, forgotten on a 401). A
 * table paged, filtered, searched and sorted by the server (fast at 100 000 rows), one
 * domain's timeline (checks and events, record changes as term diffs), the ready customer
 * message with a copy button, "check now", CSV / JSON Lines export, and the what-if of a
 * provider's candidate record. Plain DOM like the other tabs; words from src/i18n/page.*.ts.
 */
import { ApiError, type MonitorDetail, type MonitorPage, type WhatIfResponse, monitorCheckNow, monitorDetail, monitorDomains, monitorExport, monitorWhatIf, providers } from './api.ts';
import { copyText, h, replace } from './dom.ts';
import { type PageLang, pageText } from './i18n.ts';
import { type PageContext, type Tab, errorView } from './tab.ts';
import { MONITOR_SITUATIONS, type MonitorSituation, type StoredEvent } from '../../src/monitor/types.ts';

const TOKEN_KEY = 'spfkit.monitor-token';
const PAGE_SIZE = 50;
const SORTS = ['domain', 'situation', 'checked'] as const;

function savedToken(): string | undefined {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function saveToken(token: string | undefined): void {
  try {
    if (token === undefined) sessionStorage.removeItem(TOKEN_KEY);
    else sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // private mode: the token lasts for this page only
  }
}

function situationText(lang: PageLang, situation: MonitorSituation | undefined): string {
  return situation === undefined ? pageText(lang, 'customers.situation.unchecked') : pageText(lang, `customers.situation.${situation}`);
}

export class CustomersTab implements Tab {
  readonly id = 'customers' as const;
  private lang: PageLang = 'en';
  private token: string | undefined = savedToken();
  /** Why the login form shows (a refused token), if it does. */
  private loginError: string | undefined;
  private query = { situation: '', search: '', sort: 'domain', order: 'asc', offset: 0 };
  private page: MonitorPage | undefined;
  private selected: string | undefined;
  private detail: MonitorDetail | undefined;
  private whatIf: WhatIfResponse | undefined;
  private readonly panel = h('section', { class: 'panel', id: 'panel-customers', 'aria-labelledby': 'tab-customers' });
  private readonly status = h('div', { class: 'out', 'aria-live': 'polite' });

  render(ctx: PageContext): HTMLElement {
    this.lang = ctx.lang;
    this.draw();
    return this.panel;
  }

  enter(): void {
    if (this.token !== undefined && this.page === undefined) void this.load();
  }

  /** A failed call: a 401 forgets the token and shows the login again; anything else is said in the status box. */
  private fail(error: unknown): void {
    if (error instanceof ApiError && error.status === 401) {
      this.token = undefined;
      saveToken(undefined);
      this.page = undefined;
      this.detail = undefined;
      this.loginError = pageText(this.lang, 'customers.login.refused');
      this.draw();
      return;
    }
    replace(this.status, errorView(error, this.lang));
  }

  private async load(): Promise<void> {
    const token = this.token;
    if (token === undefined) return;
    try {
      const { situation, search, sort, order, offset } = this.query;
      this.page = await monitorDomains(token, { situation, search, sort, order, offset, limit: PAGE_SIZE });
      replace(this.status);
      this.draw();
    } catch (error) {
      this.fail(error);
    }
  }

  private async open(domain: string): Promise<void> {
    const token = this.token;
    if (token === undefined) return;
    try {
      this.selected = domain;
      this.detail = await monitorDetail(token, domain);
      this.draw();
    } catch (error) {
      this.fail(error);
    }
  }

  private draw(): void {
    const lang = this.lang;
    if (this.token === undefined) {
      replace(this.panel, this.loginView(lang));
      return;
    }
    replace(
      this.panel,
      h('p', { class: 'intro' }, pageText(lang, 'customers.intro')),
      this.controls(lang),
      this.status,
      this.page ? this.tableView(this.page, lang) : null,
      this.detail ? this.detailView(this.detail, lang) : null,
      this.whatIfView(lang),
    );
  }

  private loginView(lang: PageLang): HTMLElement {
    const input = h('input', { id: 'customers-token', name: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false' });
    const form = h(
      'form',
      { class: 'form', novalidate: true },
      h('label', { for: 'customers-token' }, pageText(lang, 'customers.login.token')),
      input,
      h('p', { class: 'hint' }, pageText(lang, 'customers.login.hint')),
      this.loginError ? h('p', { class: 'error', role: 'alert' }, this.loginError) : null,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, pageText(lang, 'customers.login.submit'))),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const token = input.value.trim();
      if (token === '') return;
      this.token = token;
      this.loginError = undefined;
      saveToken(token);
      void this.load();
    });
    return h('div', { class: 'login' }, h('p', { class: 'intro' }, pageText(lang, 'customers.login.intro')), form);
  }

  private controls(lang: PageLang): HTMLElement {
    const situation = h(
      'select',
      { id: 'customers-situation', name: 'situation' },
      h('option', { value: '' }, pageText(lang, 'customers.filter.all')),
      [...MONITOR_SITUATIONS, 'unchecked' as const].map((s) => h('option', { value: s, selected: this.query.situation === s }, s === 'unchecked' ? pageText(lang, 'customers.situation.unchecked') : situationText(lang, s))),
    );
    const search = h('input', { id: 'customers-search', name: 'search', type: 'search', autocomplete: 'off', placeholder: pageText(lang, 'customers.search.hint') });
    search.value = this.query.search;
    const sort = h('select', { id: 'customers-sort', name: 'sort' }, SORTS.map((s) => h('option', { value: s, selected: this.query.sort === s }, pageText(lang, `customers.sort.${s}`))));
    const order = h('select', { id: 'customers-order', name: 'order' }, (['asc', 'desc'] as const).map((o) => h('option', { value: o, selected: this.query.order === o }, pageText(lang, `customers.order.${o}`))));
    const form = h(
      'form',
      { class: 'form filters', novalidate: true },
      h('label', {}, pageText(lang, 'customers.filter'), ' ', situation),
      h('label', {}, pageText(lang, 'customers.search'), ' ', search),
      h('label', {}, pageText(lang, 'customers.sort'), ' ', sort, ' ', order),
      h('button', { type: 'submit' }, pageText(lang, 'customers.apply')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.query = { situation: situation.value, search: search.value.trim(), sort: sort.value, order: order.value, offset: 0 };
      void this.load();
    });
    const exports = (['csv', 'jsonl'] as const).map((format) => {
      const button = h('button', { type: 'button', class: `export-${format}` }, pageText(lang, `customers.export.${format}`));
      button.addEventListener('click', () => void this.download(format));
      return button;
    });
    const logout = h('button', { type: 'button', class: 'logout' }, pageText(lang, 'customers.logout'));
    logout.addEventListener('click', () => {
      this.token = undefined;
      saveToken(undefined);
      this.page = undefined;
      this.detail = undefined;
      this.draw();
    });
    return h('div', { class: 'controls' }, form, h('div', { class: 'actions' }, ...exports, logout));
  }

  private async download(format: 'csv' | 'jsonl'): Promise<void> {
    const token = this.token;
    if (token === undefined) return;
    try {
      const blob = await monitorExport(token, format);
      const link = h('a', { href: URL.createObjectURL(blob), download: `spfkit-customers.${format}` });
      document.body.append(link);
      link.click();
      link.remove();
    } catch (error) {
      this.fail(error);
    }
  }

  private tableView(page: MonitorPage, lang: PageLang): HTMLElement {
    const rows = page.domains.map((d) => {
      const open = h('button', { type: 'button', class: 'link', 'data-domain': d.domain }, d.domain);
      open.addEventListener('click', () => void this.open(d.domain));
      return h(
        'tr',
        { 'data-situation': d.lastCheck?.situation ?? 'unchecked' },
        h('td', {}, open),
        h('td', {}, situationText(lang, d.lastCheck?.situation)),
        h('td', {}, d.lastCheck?.checkedAt.replace('T', ' ').slice(0, 16) ?? '—'),
        h('td', {}, d.customerId ?? ''),
        h('td', {}, d.label ?? ''),
      );
    });
    const prev = h('button', { type: 'button', class: 'prev', disabled: page.offset === 0 }, pageText(lang, 'customers.prev'));
    prev.addEventListener('click', () => {
      this.query.offset = Math.max(0, page.offset - PAGE_SIZE);
      void this.load();
    });
    const next = h('button', { type: 'button', class: 'next', disabled: page.offset + page.domains.length >= page.total }, pageText(lang, 'customers.next'));
    next.addEventListener('click', () => {
      this.query.offset = page.offset + PAGE_SIZE;
      void this.load();
    });
    const summary = page.total === 0 ? pageText(lang, 'customers.none') : pageText(lang, 'customers.range', { from: page.offset + 1, to: page.offset + page.domains.length, total: page.total });
    return h(
      'div',
      { class: 'customers' },
      h('p', { class: 'range' }, summary),
      h(
        'table',
        { class: 'customers-table' },
        h('thead', {}, h('tr', {}, (['domain', 'situation', 'checked', 'customer', 'label'] as const).map((c) => h('th', { scope: 'col' }, pageText(lang, `customers.col.${c}`))))),
        h('tbody', {}, rows),
      ),
      h('div', { class: 'paging' }, prev, next),
    );
  }

  private detailView(detail: MonitorDetail, lang: PageLang): HTMLElement {
    const domain = detail.domain.domain;
    const checkNow = h('button', { type: 'button', class: 'check-now' }, pageText(lang, 'customers.checkNow'));
    checkNow.addEventListener('click', () => {
      const token = this.token;
      if (token === undefined) return;
      checkNow.disabled = true;
      void monitorCheckNow(token, domain)
        .then(() => Promise.all([this.open(domain), this.load()]))
        .catch((error: unknown) => this.fail(error));
    });
    const message = detail.messages?.[lang];
    let messageView: HTMLElement | null = null;
    if (message) {
      const text = h('textarea', { class: 'customer-message', readonly: true, rows: 12 }, message.text);
      const copy = h('button', { type: 'button', class: 'copy-message' }, pageText(lang, 'customers.copy'));
      const copied = h('span', { role: 'status' });
      copy.addEventListener('click', () => {
        void copyText(`${message.subject}\n\n${message.text}`).then((ok) => (copied.textContent = pageText(lang, ok ? 'customers.copied' : 'customers.copyFailed')));
      });
      messageView = h('div', { class: 'message' }, h('h4', {}, pageText(lang, 'customers.message')), h('p', {}, message.subject), text, h('div', { class: 'actions' }, copy, ' ', copied));
    }
    return h(
      'div',
      { class: 'detail', 'data-domain': domain },
      h('h3', {}, domain),
      h('div', { class: 'actions' }, checkNow),
      messageView,
      h('h4', {}, pageText(lang, 'customers.timeline')),
      h(
        'ol',
        { class: 'timeline' },
        detail.checks.map((check) =>
          h(
            'li',
            { class: 'check' },
            h('span', { class: 'when' }, check.checkedAt.replace('T', ' ').slice(0, 16)),
            ' ',
            h('strong', {}, situationText(lang, check.situation)),
            check.spf.records.length > 0 ? h('code', { class: 'record' }, check.spf.records.join(' | ')) : null,
            h('ul', { class: 'events' }, detail.events.filter((e) => e.checkId === check.id).map((e) => this.eventView(e, lang))),
          ),
        ),
      ),
    );
  }

  private eventView(event: StoredEvent, lang: PageLang): HTMLElement {
    const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
    return h(
      'li',
      { class: `event ${event.kind}`, 'data-kind': event.kind },
      pageText(lang, `customers.event.${event.kind}`),
      event.subject ? ` (${event.subject})` : '',
      event.diff && event.diff.length > 0
        ? h('ul', { class: 'diff' }, event.diff.map((line) => h('li', { class: line.startsWith('+') ? 'added' : line.startsWith('-') ? 'removed' : 'same' }, h('code', {}, line))))
        : `: ${show(event.before)} → ${show(event.after)}`,
    );
  }

  private whatIfView(lang: PageLang): HTMLElement {
    const provider = h('select', { id: 'whatif-provider', name: 'provider' });
    void providers().then((list) => replace(provider, list.filter((p) => p.mechanism.startsWith('include:')).map((p) => h('option', { value: p.id }, `${p.name} (${p.mechanism})`))), () => undefined);
    const policy = h('textarea', { id: 'whatif-policy', name: 'policy', rows: 3, spellcheck: 'false', placeholder: 'v=spf1 include:… -all' });
    const out = h('div', { class: 'whatif-out', 'aria-live': 'polite' });
    if (this.whatIf) replace(out, this.whatIfResult(this.whatIf, lang));
    const form = h(
      'form',
      { class: 'form whatif', novalidate: true },
      h('label', { for: 'whatif-provider' }, pageText(lang, 'customers.whatIf.provider')),
      provider,
      h('label', { for: 'whatif-policy' }, pageText(lang, 'customers.whatIf.policy')),
      policy,
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, pageText(lang, 'customers.whatIf.submit'))),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const token = this.token;
      if (token === undefined) return;
      replace(out, h('p', { class: 'busy' }, pageText(lang, 'customers.whatIf.busy')));
      monitorWhatIf(token, provider.value, policy.value, lang).then(
        (result) => {
          this.whatIf = result;
          replace(out, this.whatIfResult(result, lang));
        },
        (error: unknown) => {
          if (error instanceof ApiError && error.status === 401) this.fail(error);
          else replace(out, errorView(error, lang));
        },
      );
    });
    return h('div', { class: 'whatif-panel' }, h('h3', {}, pageText(lang, 'customers.whatIf')), h('p', { class: 'intro' }, pageText(lang, 'customers.whatIf.intro')), form, out);
  }

  private whatIfResult(result: WhatIfResponse, _lang: PageLang): HTMLElement {
    return h(
      'div',
      { class: 'whatif-result' },
      h('p', { class: 'summary' }, result.summary),
      h('ul', {}, result.affected.map((c) => h('li', { 'data-domain': c.domain }, h('strong', {}, c.domain), c.customerId ? ` ${c.customerId}` : '', h('ul', {}, c.messages.map((m) => h('li', {}, m)))))),
    );
  }
}
