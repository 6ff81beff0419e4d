/**
 * The "Will it be accepted?" tab (issue 13.1): a sending setup in, the DMARC outcome receivers
 * reach from `POST /api/verdict` out — SPF and DKIM with their alignment, the policy, the
 * changes with the records to publish. Every sentence of the answer comes from the API.
 */
import { ApiError, type VerdictBody, type VerdictReport, verdict } from './api.ts';
import { h, richText } from './dom.ts';
import { FieldErrors } from './field-errors.ts';
import { type PageLang, pageText } from './i18n.ts';
import { type PageContext, type Tab, ResultArea } from './tab.ts';

interface Form {
  ip: string;
  helo: string;
  mailFrom: string;
  fromDomain: string;
  dkim: string;
  provider: string;
}

/** `d=klant.nl,s=cv1` lines (either order); the first bad line when one is not. */
export function parseDkimLines(text: string): { ok: true; signers: Array<{ domain: string; selector: string }> } | { ok: false; line: string } {
  const signers: Array<{ domain: string; selector: string }> = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter((l) => l !== '')) {
    const tags = new Map<string, string>();
    for (const part of line.split(/[,;]/)) {
      const eq = part.indexOf('=');
      if (eq !== -1) tags.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
    }
    const domain = tags.get('d');
    const selector = tags.get('s');
    if (!domain || !selector) return { ok: false, line };
    signers.push({ domain, selector });
  }
  return { ok: true, signers };
}

export class VerdictTab implements Tab {
  readonly id = 'verdict' as const;
  private form: Form = { ip: '', helo: '', mailFrom: '', fromDomain: '', dkim: '', provider: '' };
  private readonly fields = new FieldErrors();
  private readonly result = new ResultArea<{ body: VerdictBody; answer: VerdictReport }>(() => this.lang, {
    busy: 'verdict.running',
    done: ({ answer }, lang) => verdictView(answer, lang),
    fieldLabel: (name) => this.fields.label(name.replace(/\[\d+\]$/, '')),
  });
  private lang: PageLang = 'en';

  render(ctx: PageContext): HTMLElement {
    const lang = ctx.lang;
    const langChanged = lang !== this.lang;
    this.lang = lang;
    if (langChanged) this.fields.clear();
    const input = (name: keyof Form, placeholder: string): HTMLInputElement => {
      const el = h('input', { id: `verdict-${name}`, name, type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder });
      el.value = this.form[name];
      el.addEventListener('input', () => (this.form[name] = el.value.trim()));
      return el;
    };
    const dkim = h('textarea', { id: 'verdict-dkim', name: 'dkim', rows: 2, spellcheck: 'false', placeholder: 'd=klant.nl,s=prezent-a' });
    dkim.value = this.form.dkim;
    dkim.addEventListener('input', () => (this.form.dkim = dkim.value));
    const form = h(
      'form',
      { class: 'form', novalidate: true },
      this.fields.field('ip', pageText(lang, 'verdict.ip'), input('ip', '212.83.209.204')),
      this.fields.field('helo', pageText(lang, 'verdict.helo'), input('helo', 'mail.provider.nl')),
      this.fields.field('mailFrom', pageText(lang, 'verdict.mailFrom'), input('mailFrom', 'bounce@provider.nl')),
      this.fields.field('fromDomain', pageText(lang, 'verdict.fromDomain'), input('fromDomain', 'klant.nl')),
      this.fields.field('dkim', pageText(lang, 'verdict.dkim'), dkim),
      this.fields.field('provider', pageText(lang, 'verdict.provider'), input('provider', 'dmrmail')),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, pageText(lang, 'verdict.submit'))),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const parsed = parseDkimLines(this.form.dkim);
      if (!parsed.ok) {
        this.result.fail(new Error(pageText(lang, 'verdict.badDkim', { term: parsed.line })));
        return;
      }
      const f = this.form;
      const body: VerdictBody = { ip: f.ip, helo: f.helo, mailFrom: f.mailFrom, fromDomain: f.fromDomain, dkim: parsed.signers, ...(f.provider !== '' ? { provider: f.provider } : {}) };
      void this.run(body);
    });
    const out = this.result.element();
    const last = this.result.done;
    if (langChanged && last) void this.run(last.body);
    return h('section', { class: 'panel', id: 'panel-verdict', 'aria-labelledby': 'tab-verdict' }, h('p', { class: 'intro' }, pageText(lang, 'verdict.intro')), form, out);
  }

  enter(_params: Record<string, string>, ctx: PageContext): void {
    this.lang = ctx.lang;
  }

  private async run(body: VerdictBody): Promise<void> {
    this.fields.clear();
    await this.result.run(async () => {
      try {
        return { body, answer: await verdict({ ...body, lang: this.lang }) };
      } catch (error) {
        if (error instanceof ApiError && error.status === 400) this.fields.show(error.issues.map((i) => ({ ...i, field: i.field.replace(/\[\d+\]$/, '') })));
        throw error;
      }
    });
  }
}

function verdictView(report: VerdictReport, lang: PageLang): HTMLElement {
  const { words, prediction } = report;
  const para = (text: string): HTMLElement => h('p', {}, richText(text));
  return h(
    'div',
    { class: 'verdict', 'data-result': prediction.dmarc.result, 'data-disposition': prediction.dmarc.disposition },
    h('p', { class: 'headline' }, richText(words.headline)),
    h('h4', {}, pageText(lang, 'verdict.spf')),
    h('div', { class: 'verdict-spf', 'data-result': prediction.spf.result, 'data-alignment': prediction.spf.alignment.state }, words.spf.map(para)),
    h('h4', {}, pageText(lang, 'verdict.dkimHeading')),
    h('ul', { class: 'verdict-dkim' }, words.dkim.map((lines, i) => h('li', { 'data-key': prediction.dkim[i]?.key ?? 'none' }, lines.map(para)))),
    h('h4', {}, pageText(lang, 'verdict.dmarc')),
    words.policy ? para(words.policy) : null,
    words.notes.map(para),
    words.rfc7489 ? h('p', { class: 'rfc7489' }, richText(words.rfc7489)) : null,
    h('h4', {}, pageText(lang, 'verdict.fixes')),
    words.fixes.length === 0
      ? h('p', { class: 'ok' }, pageText(lang, 'verdict.noFixes'))
      : h(
          'ul',
          { class: 'fixes' },
          words.fixes.map((fix) =>
            h(
              'li',
              { class: 'fix', 'data-code': fix.code },
              para(fix.text),
              fix.records.length > 0 ? h('pre', { class: 'records' }, fix.records.map((r) => `${r.name}. ${r.type} ${r.type === 'TXT' ? JSON.stringify(r.value) : `${r.value}.`}\n`)) : null,
            ),
          ),
        ),
  );
}
