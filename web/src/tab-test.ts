/**
 * The Test tab — the "SPF policy tester" of seed 000: IP, sender, HELO; Basic = the
 * published policy, Advanced = a candidate record tested before DNS is changed (pre-filled
 * with the live record so the provider's include can be pasted in).
 */
import { ApiError, type CheckRequest, type CheckResponse, checkPolicy, explainDomain } from './api.ts';
import { checkView } from './check-view.ts';
import { type Child, copyText, h, replace } from './dom.ts';
import { FieldErrors } from './field-errors.ts';
import { type PageLang, pageText } from './i18n.ts';
import { basePath, senderDomain, whyLink } from './route.ts';
import { type PageContext, type Tab, ResultArea, errorView } from './tab.ts';

export class TestTab implements Tab {
  readonly id = 'test' as const;
  private ip = '';
  private sender = '';
  private helo = '';
  private mode: 'published' | 'candidate' = 'published';
  private candidate = '';
  /** The domain whose published record is in the candidate box. */
  private candidateFrom: string | undefined;
  private candidateStatus: string | undefined;
  private readonly fields = new FieldErrors();
  private readonly result = new ResultArea<{ request: CheckRequest; answer: CheckResponse }>(() => this.lang, {
    busy: 'test.running',
    done: ({ request, answer }, lang) => resultView(request, answer, lang),
    fieldLabel: (name) => this.fields.label(name),
  });
  private candidateBox: HTMLElement | undefined;
  private lang: PageLang = 'en';

  render(ctx: PageContext): HTMLElement {
    const lang = ctx.lang;
    const langChanged = lang !== this.lang;
    this.lang = lang;
    // A refusal's words are in the language it came in.
    if (langChanged) this.fields.clear();

    const ip = h('input', { id: 'test-ip', name: 'ip', type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', required: true, placeholder: '212.83.209.204' });
    ip.value = this.ip;
    ip.addEventListener('input', () => (this.ip = ip.value.trim()));
    const sender = h('input', { id: 'test-sender', name: 'sender', type: 'email', autocomplete: 'email', spellcheck: 'false', placeholder: 'info@mydomain.nl' });
    sender.value = this.sender;
    sender.addEventListener('input', () => (this.sender = sender.value.trim()));
    const helo = h('input', { id: 'test-helo', name: 'helo', type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: 'mail.example.net' });
    helo.value = this.helo;
    helo.addEventListener('input', () => (this.helo = helo.value.trim()));

    const radio = (value: 'published' | 'candidate', label: string): HTMLElement => {
      const input = h('input', { type: 'radio', name: 'policy', id: `test-policy-${value}`, value, checked: this.mode === value });
      input.addEventListener('change', () => {
        if (!input.checked) return;
        this.mode = value;
        this.renderCandidate(lang);
        if (value === 'candidate') void this.loadCandidate(false);
      });
      return h('div', { class: 'choice' }, input, h('label', { for: input.id }, label));
    };

    this.candidateBox = h('div', { class: 'candidate' });
    this.renderCandidate(lang);

    const form = h(
      'form',
      { class: 'form', novalidate: true, 'aria-describedby': 'test-intro' },
      this.fields.field('ip', pageText(lang, 'test.ip'), ip, pageText(lang, 'test.ip.hint')),
      this.fields.field('sender', pageText(lang, 'test.sender'), sender, pageText(lang, 'test.sender.hint')),
      this.fields.field('helo', pageText(lang, 'test.helo'), helo),
      h('fieldset', { class: 'choices' }, h('legend', {}, pageText(lang, 'test.policy')), radio('published', pageText(lang, 'test.policy.published')), radio('candidate', pageText(lang, 'test.policy.candidate'))),
      this.candidateBox,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, pageText(lang, 'test.submit'))),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.run(ctx);
    });

    const out = this.result.element();
    const last = this.result.done;
    if (langChanged && last) void this.run(ctx, { ...last.request, lang });

    return h('section', { class: 'panel', id: 'panel-test', 'aria-labelledby': 'tab-test' }, h('p', { class: 'intro', id: 'test-intro' }, pageText(lang, 'test.intro')), form, out);
  }

  enter(params: Record<string, string>): void {
    if (params.ip !== undefined) this.ip = params.ip;
    if (params.sender !== undefined) this.sender = params.sender;
  }

  private renderCandidate(lang: PageLang): void {
    const box = this.candidateBox;
    if (!box) return;
    if (this.mode !== 'candidate') {
      replace(box);
      box.hidden = true;
      return;
    }
    box.hidden = false;
    const area = h('textarea', { id: 'test-candidate', name: 'policy', rows: 3, spellcheck: 'false', autocomplete: 'off', placeholder: 'v=spf1 include:spf.coachview.net ~all' });
    area.value = this.candidate;
    area.addEventListener('input', () => (this.candidate = area.value));
    const load = h('button', { type: 'button', class: 'secondary' }, pageText(lang, 'test.candidate.load'));
    load.addEventListener('click', () => void this.loadCandidate(true));
    replace(
      box,
      this.fields.field('policy', pageText(lang, 'test.candidate'), area, pageText(lang, 'test.candidate.hint')),
      h('div', { class: 'actions' }, load),
      this.candidateStatus ? h('p', { class: 'status', role: 'status' }, this.candidateStatus) : null,
    );
  }

  /** Fills the candidate box with the published record of the sender's domain. */
  private async loadCandidate(force: boolean): Promise<void> {
    const lang = this.lang;
    const domain = senderDomain(this.sender !== '' ? this.sender : this.helo);
    if (domain === '') {
      this.candidateStatus = pageText(lang, 'error.required', { field: pageText(lang, 'test.sender') });
      this.renderCandidate(lang);
      return;
    }
    if (!force && this.candidateFrom === domain && this.candidate !== '') return;
    this.candidateStatus = pageText(lang, 'test.candidate.loading');
    this.renderCandidate(lang);
    try {
      const answer = await explainDomain(domain, lang);
      this.candidate = answer.record ?? '';
      this.candidateFrom = domain;
      // No record (nxdomain, nodata, no v=spf1): start from scratch; DNS trouble: say what happened.
      const none = answer.problem === undefined || ['nxdomain', 'nodata', 'no-spf'].includes(answer.problem.code);
      this.candidateStatus = answer.record !== undefined ? undefined : none ? pageText(lang, 'test.candidate.none', { domain }) : answer.problem?.message;
    } catch (error) {
      this.candidateStatus = errorView(error, lang).textContent ?? '';
    }
    this.renderCandidate(this.lang);
  }

  private async run(ctx: PageContext, again?: CheckRequest): Promise<void> {
    const lang = ctx.lang;
    let request: CheckRequest;
    if (again) {
      request = again;
    } else {
      const missing = this.ip === '' ? 'ip' : this.sender === '' && this.helo === '' ? 'sender' : undefined;
      if (missing !== undefined) {
        const message = pageText(lang, 'error.required', { field: pageText(lang, missing === 'ip' ? 'test.ip' : 'test.sender') });
        this.fields.show([{ field: missing, code: 'required', message }]);
        this.result.fail(new Error(message));
        return;
      }
      // "Test a new policy" with nothing to test is refused, not quietly the published policy.
      if (this.mode === 'candidate' && this.candidate.trim() === '') {
        const message = pageText(lang, 'test.candidate.empty');
        this.fields.show([{ field: 'policy', code: 'required', message }]);
        this.result.fail(new Error(message));
        return;
      }
      request = { ip: this.ip, sender: this.sender, lang };
      if (this.helo !== '') request.helo = this.helo;
      if (this.mode === 'candidate') request.policy = this.candidate.trim();
    }
    this.fields.clear();
    await this.result.run(async () => {
      try {
        return { request, answer: await checkPolicy(request) };
      } catch (error) {
        if (error instanceof ApiError && error.status === 400) this.fields.show(error.issues);
        throw error;
      }
    });
  }
}

/** The check's answer, with a shareable "Why?" link for the published policy. */
function resultView(request: CheckRequest, answer: CheckResponse, lang: PageLang): Child {
  const link = whyLink(`${location.origin}${basePath(location.pathname)}`, request);
  const linkOut = h('output', { class: 'link', id: 'test-why-link' });
  const copy = h('button', { type: 'button', class: 'secondary' }, pageText(lang, 'test.copyLink'));
  copy.addEventListener('click', () => {
    void copyText(link).then((ok) => {
      replace(linkOut, h('span', { role: 'status' }, pageText(lang, ok ? 'copy.done' : 'copy.failed')), ' ', h('a', { href: link }, link));
    });
  });
  // A "Why?" link recomputes from DNS, so it is offered for the published policy only.
  const candidate = request.policy !== undefined;
  return [
    // A candidate check says so in its reason (the library's note) and in the tree's marker.
    checkView(answer, lang),
    candidate ? null : h('div', { class: 'actions share' }, copy, linkOut),
  ];
}
