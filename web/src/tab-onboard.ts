/**
 * The Onboard tab — what seeds 000–004 ask customers to do by hand: pick the provider (or
 * type a mechanism), get the record to publish (`POST /api/add`), copy it, and see what it
 * costs in lookups and bytes before and after.
 */
import { type AddRequest, type AddResponse, ApiError, type Provider, addSender, providers } from './api.ts';
import { FieldErrors } from './field-errors.ts';
import { type Child, copyText, h, richText } from './dom.ts';
import { type PageLang, pageText } from './i18n.ts';
import { type PageContext, type Tab, ResultArea, errorView } from './tab.ts';

/** The select value for "type a mechanism". */
const CUSTOM = '';

export class OnboardTab implements Tab {
  readonly id = 'onboard' as const;
  private domain = '';
  private provider = CUSTOM;
  private mechanism = '';
  private record = '';
  private catalogue: Provider[] | undefined;
  private catalogueError: unknown;
  private readonly fields = new FieldErrors();
  private readonly result = new ResultArea<{ request: AddRequest; answer: AddResponse }>(() => this.lang, {
    busy: 'onboard.running',
    done: ({ answer }, lang) => planView(answer, lang),
    idle: (lang) => (this.catalogueError === undefined ? null : errorView(this.catalogueError, lang)),
    fieldLabel: (name) => this.fields.label(name),
  });
  private panel: HTMLElement | undefined;
  private ctx: PageContext | undefined;
  private lang: PageLang = 'en';

  render(ctx: PageContext): HTMLElement {
    const lang = ctx.lang;
    const langChanged = lang !== this.lang;
    this.lang = lang;
    this.ctx = ctx;
    // A refusal's words are in the language it came in.
    if (langChanged) this.fields.clear();

    const domain = h('input', { id: 'onboard-domain', name: 'domain', type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: 'mydomain.nl' });
    domain.value = this.domain;
    domain.addEventListener('input', () => (this.domain = domain.value.trim()));

    const select = h('select', { id: 'onboard-provider', name: 'provider' });
    if (this.catalogue === undefined && this.catalogueError === undefined) {
      select.append(h('option', { value: CUSTOM }, pageText(lang, 'onboard.provider.loading')));
      void this.loadProviders();
    } else {
      select.append(h('option', { value: CUSTOM, selected: this.provider === CUSTOM }, pageText(lang, 'onboard.provider.custom')));
      for (const p of this.catalogue ?? []) select.append(h('option', { value: p.id, selected: this.provider === p.id }, `${p.name} — ${p.mechanism}`));
    }

    const mechanism = h('input', { id: 'onboard-mechanism', name: 'mechanism', type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: 'include:spf.coachview.net' });
    mechanism.value = this.mechanism;
    mechanism.addEventListener('input', () => (this.mechanism = mechanism.value.trim()));
    const mechanismField = this.fields.field('mechanism', pageText(lang, 'onboard.mechanism'), mechanism, pageText(lang, 'onboard.mechanism.hint'));
    mechanismField.hidden = this.provider !== CUSTOM;
    select.addEventListener('change', () => {
      this.provider = select.value;
      mechanismField.hidden = this.provider !== CUSTOM;
    });

    const record = h('textarea', { id: 'onboard-record', name: 'record', rows: 2, spellcheck: 'false', autocomplete: 'off', placeholder: 'v=spf1 mx ~all' });
    record.value = this.record;
    record.addEventListener('input', () => (this.record = record.value));

    const form = h(
      'form',
      { class: 'form', novalidate: true },
      this.fields.field('domain', pageText(lang, 'onboard.domain'), domain),
      this.fields.field('provider', pageText(lang, 'onboard.provider'), select),
      mechanismField,
      this.fields.field('record', pageText(lang, 'onboard.record'), record),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, pageText(lang, 'onboard.submit'))),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.run();
    });
    const out = this.result.element();
    // The server words the plan (`messages`) in the language asked for: ask again after a switch.
    const last = this.result.done;
    if (langChanged && last) void this.run({ ...last.request, lang });
    this.panel = h('section', { class: 'panel', id: 'panel-onboard', 'aria-labelledby': 'tab-onboard' }, h('p', { class: 'intro' }, pageText(lang, 'onboard.intro')), form, out);
    return this.panel;
  }

  enter(params: Record<string, string>): void {
    if (params.domain !== undefined) this.domain = params.domain;
    if (params.provider !== undefined) this.provider = params.provider;
    if (params.mechanism !== undefined) this.mechanism = params.mechanism;
  }

  private async loadProviders(): Promise<void> {
    try {
      this.catalogue = await providers();
    } catch (error) {
      this.catalogueError = error;
    }
    // Rebuild the form with the list, keeping what was typed meanwhile.
    const panel = this.panel;
    const ctx = this.ctx;
    if (panel && ctx && panel.isConnected) {
      const focused = document.activeElement?.id;
      panel.replaceWith(this.render(ctx));
      if (focused) document.getElementById(focused)?.focus();
    }
  }

  private async run(again?: AddRequest): Promise<void> {
    const lang = this.lang;
    let request: AddRequest;
    if (again) {
      request = again;
    } else {
      const missing = this.domain === '' ? 'domain' : this.provider === CUSTOM && this.mechanism === '' ? 'mechanism' : undefined;
      if (missing !== undefined) {
        const message = pageText(lang, 'error.required', { field: pageText(lang, missing === 'domain' ? 'onboard.domain' : 'onboard.mechanism') });
        this.fields.show([{ field: missing, code: 'required', message }]);
        this.result.fail(new Error(message));
        return;
      }
      request = { domain: this.domain, lang };
      if (this.provider !== CUSTOM) request.provider = this.provider;
      else request.mechanism = this.mechanism;
      if (this.record.trim() !== '') request.record = this.record.trim();
    }
    this.fields.clear();
    await this.result.run(async () => {
      try {
        return { request, answer: await addSender(request) };
      } catch (error) {
        if (error instanceof ApiError && error.status === 400) this.fields.show(error.issues);
        throw error;
      }
    });
  }
}

function planView(answer: AddResponse, lang: PageLang): HTMLElement {
  const plan = answer.plan;
  if (plan.status === 'blocked') {
    return h('div', { class: 'plan blocked', role: 'alert' }, h('p', {}, pageText(lang, 'onboard.blocked')), h('ul', {}, plan.issues.map((i) => h('li', {}, issueText(i, lang, answer.messages?.syntax ?? [])))));
  }
  const record = answer.publish?.main.panel ?? plan.after.record;
  const box = h('pre', { class: 'record-out', id: 'onboard-record-out', tabindex: 0 }, h('code', {}, record));
  const status = h('p', { class: 'status', role: 'status' });
  const copy = h('button', { type: 'button', class: 'primary', id: 'onboard-copy' }, pageText(lang, 'onboard.copy'));
  copy.addEventListener('click', () => {
    void copyText(record).then((ok) => {
      status.textContent = pageText(lang, ok ? 'onboard.copied' : 'onboard.copyFailed');
      if (!ok) window.getSelection()?.selectAllChildren(box);
    });
  });
  const before = plan.before;
  const row = (label: string, now: string, later: string): HTMLElement => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, now), h('td', {}, later));
  const noRecord = pageText(lang, 'onboard.noRecord');
  const verification = plan.verification;
  const words = answer.messages;
  const problems = words?.verification ?? verification.issues.map((i) => `${i.code}${'ip' in i ? ` ${i.ip}` : ''}`);
  const notes = words ? [...words.reasons, ...words.warnings] : plan.warnings.map((w) => w.code);
  const zone = answer.publish?.main.zoneLine;
  const subRecords = answer.publish?.subRecords ?? plan.subRecords.map((s) => ({ name: s.name, panel: s.record, zoneLine: undefined }));
  return h(
    'div',
    { class: 'plan', 'data-status': plan.status },
    plan.status === 'already-authorised' ? h('p', { class: 'ok' }, pageText(lang, 'onboard.unchanged')) : null,
    h('p', {}, pageText(lang, 'onboard.publish', { domain: plan.domain })),
    box,
    h('div', { class: 'actions' }, copy, status),
    plan.after.strings.length > 1 ? h('div', {}, h('p', {}, pageText(lang, 'onboard.strings')), h('pre', { class: 'record-out' }, h('code', {}, plan.after.strings.map((s) => `"${s}"`).join(' ')))) : null,
    subRecords.length > 0
      ? h('div', {}, h('p', {}, pageText(lang, 'onboard.subRecords')), h('ul', { class: 'subrecords' }, subRecords.map((s) => h('li', {}, h('strong', {}, s.name), h('pre', { class: 'record-out' }, h('code', {}, s.panel))))))
      : null,
    h(
      'table',
      { class: 'compare' },
      h('thead', {}, h('tr', {}, h('td', {}), h('th', { scope: 'col' }, pageText(lang, 'onboard.before')), h('th', { scope: 'col' }, pageText(lang, 'onboard.after')))),
      h(
        'tbody',
        {},
        row(pageText(lang, 'onboard.lookups'), before ? String(before.lookups) : noRecord, String(plan.after.lookups)),
        row(pageText(lang, 'onboard.bytes'), before ? String(before.bytes) : noRecord, String(plan.after.bytes)),
      ),
    ),
    verification.ok
      ? othersChange(verification.outside, lang)
      : h('div', { class: 'error' }, h('p', {}, pageText(lang, 'onboard.notVerified')), h('ul', {}, problems.map((p) => h('li', {}, p)))),
    zone ? h('details', { class: 'notes' }, h('summary', {}, pageText(lang, 'onboard.zone')), h('pre', { class: 'record-out' }, h('code', {}, zone))) : null,
    notes.length > 0 ? h('details', { class: 'notes' }, h('summary', {}, pageText(lang, 'onboard.notes')), h('ul', {}, notes.map((n) => h('li', {}, n)))) : null,
  );
}

/**
 * "Verified", and what changes for servers that are not the sender: when the plan adds or
 * creates an `~all`, unlisted servers go from neutral (or none) to softfail — intended, but
 * the owner must see it, not find it in the notes.
 */
function othersChange(outside: ReadonlyArray<{ ip: string; before: string; after: string }>, lang: PageLang): Child {
  const changes = new Map<string, { before: string; after: string; ips: string[] }>();
  for (const check of outside) {
    if (check.before === check.after) continue;
    const key = `${check.before}→${check.after}`;
    const seen = changes.get(key) ?? { before: check.before, after: check.after, ips: [] };
    seen.ips.push(check.ip);
    changes.set(key, seen);
  }
  if (changes.size === 0) return h('p', { class: 'ok' }, pageText(lang, 'onboard.verified'));
  return [
    h('p', { class: 'ok' }, pageText(lang, 'onboard.verified.sender')),
    h(
      'ul',
      { class: 'others-change' },
      [...changes.values()].map((c) => h('li', {}, pageText(lang, 'onboard.othersChange', { before: c.before, after: c.after, ips: c.ips.join(', ') }))),
    ),
  ];
}

type BlockingIssue = Extract<AddResponse['plan'], { status: 'blocked' }>['issues'][number];

/**
 * Why no record can be made: the page's own words, the broken record as code, and its parse
 * problems from `messages.syntax` (the server's words; `messages.issues` has whole sentences). The domain's own state (a broken record, two records, DNS
 * trouble) comes back in the plan; input problems come back as HTTP 400 with the server's words.
 */
function issueText(issue: BlockingIssue, lang: PageLang, syntax: readonly string[]): Child[] {
  switch (issue.code) {
    case 'record-syntax':
      // The parse problems in the server's words (the library's catalogue, in the page's language).
      return [pageText(lang, 'onboard.issue.syntax'), ' ', h('code', {}, issue.record), ' — ', ...richText(syntax.length > 0 ? syntax.join('; ') : issue.issues.map((i) => i.code).join('; '))];
    case 'multiple-records':
      return [pageText(lang, 'onboard.issue.multiple', { domain: issue.domain, count: issue.count })];
    case 'dns-error':
      return [pageText(lang, 'onboard.issue.dns', { domain: issue.domain, answer: issue.answer })];
    case 'mechanism-syntax':
    case 'mechanism-not-one-term':
    case 'mechanism-is-modifier':
    case 'mechanism-is-all':
    case 'mechanism-not-pass':
    case 'bad-domain':
    case 'bad-test-ip':
      return [issue.code];
    default: {
      const never: never = issue;
      throw new Error(`unhandled issue ${String(never)}`);
    }
  }
}
