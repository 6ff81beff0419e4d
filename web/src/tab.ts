/** What every tab gets from the page, and what it gives back. */
import { ApiError } from './api.ts';
import { type Child, h, replace } from './dom.ts';
import { type PageLang, type PlainKey, pageText } from './i18n.ts';
import type { TabId } from './route.ts';

export interface PageContext {
  readonly lang: PageLang;
  /** Shows a tab; `params` go into the address (shareable). `replace` keeps history short. */
  go(tab: TabId, params?: Record<string, string>, options?: { replace?: boolean }): void;
}

export interface Tab {
  readonly id: TabId;
  /** The tab's panel, built for the current language (called again when it changes). */
  render(ctx: PageContext): HTMLElement;
  /** The address was opened or changed to this tab with these parameters. */
  enter(params: Record<string, string>, ctx: PageContext): void;
}

/**
 * An error box in words, for a failed API call: refused fields by their label (`fieldLabel`
 * names the fields the form shows), a rate limit as when to try again, in the page's language.
 */
export function errorView(error: unknown, lang: PageLang, fieldLabel: (field: string) => string | undefined = () => undefined): HTMLElement {
  if (!(error instanceof ApiError)) return h('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error));
  if (error.status === 0) return h('p', { class: 'error', role: 'alert' }, pageText(lang, 'error.network'));
  if (error.status === 429) return h('p', { class: 'error', role: 'alert' }, retryText(error.retryAfter, lang, error.code === 'dns-budget' ? 'error.dnsBudget' : 'error.rateLimited'));
  // A refusal of fields this form shows: by their labels (the fields are marked too).
  if (error.status === 400 && error.issues.some((issue) => fieldLabel(issue.field) !== undefined)) {
    return h(
      'div',
      { class: 'error', role: 'alert' },
      h('p', {}, pageText(lang, 'error.input')),
      h(
        'ul',
        {},
        error.issues.map((issue) => {
          const label = fieldLabel(issue.field);
          return h('li', {}, label === undefined ? issue.message : `${label}: ${issue.problem ?? issue.message}`);
        }),
      ),
    );
  }
  return h('p', { class: 'error', role: 'alert' }, `${pageText(lang, 'error.http', { status: error.status })} ${error.message}`);
}

/** "Try again in 49 seconds (at 10:32)": the wait of a 429's Retry-After, and the clock time it ends. */
function retryText(seconds: number | undefined, lang: PageLang, key: 'error.rateLimited' | 'error.dnsBudget'): string {
  if (seconds === undefined) return pageText(lang, `${key}.later`);
  const at = new Date(Date.now() + seconds * 1000).toLocaleTimeString(lang === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  return pageText(lang, key, { seconds, time: at });
}

/** A "working…" line. */
export function busyView(text: string): HTMLElement {
  return h('p', { class: 'busy' }, text);
}

/** Where a tab's request stands. */
type Outcome<Done> = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; done: Done } | { kind: 'error'; error: unknown };

/** How a tab shows its own states; idle, busy and error look alike in every tab. */
export interface ResultViews<Done> {
  /** The "working…" words. */
  readonly busy: PlainKey;
  /** The answer. */
  done(done: Done, lang: PageLang): Child;
  /** What shows before any request (nothing unless given). */
  idle?(lang: PageLang): Child;
  /** The form's label of an API field, to name a refused field in the error box. */
  fieldLabel?(field: string): string | undefined;
}

/**
 * A tab's result box: runs its requests, keeps only the latest one's answer, and draws the
 * outcome in the page's current language.
 */
export class ResultArea<Done> {
  private outcome: Outcome<Done> = { kind: 'idle' };
  private out: HTMLElement | undefined;
  private generation = 0;

  constructor(
    private readonly lang: () => PageLang,
    private readonly views: ResultViews<Done>,
  ) {}

  /** The answer shown, if any. */
  get done(): Done | undefined {
    return this.outcome.kind === 'done' ? this.outcome.done : undefined;
  }

  /** A new result box for a freshly rendered panel, showing the current outcome. */
  element(): HTMLElement {
    this.out = h('div', { class: 'out', 'aria-live': 'polite', 'aria-busy': 'false' });
    this.draw();
    return this.out;
  }

  /** Shows an error without asking anything (e.g. a required field is empty). */
  fail(error: unknown): void {
    this.outcome = { kind: 'error', error };
    this.draw();
  }

  /** Asks; a later `run` wins over this one's answer or error. */
  async run(ask: () => Promise<Done>): Promise<void> {
    const generation = ++this.generation;
    this.outcome = { kind: 'busy' };
    this.draw();
    try {
      const done = await ask();
      if (generation === this.generation) this.outcome = { kind: 'done', done };
    } catch (error) {
      if (generation === this.generation) this.outcome = { kind: 'error', error };
    }
    if (generation === this.generation) this.draw();
  }

  private draw(): void {
    const out = this.out;
    if (!out) return;
    const lang = this.lang();
    const outcome = this.outcome;
    out.setAttribute('aria-busy', String(outcome.kind === 'busy'));
    switch (outcome.kind) {
      case 'idle':
        replace(out, this.views.idle?.(lang));
        return;
      case 'busy':
        replace(out, busyView(pageText(lang, this.views.busy)));
        return;
      case 'error':
        replace(out, errorView(outcome.error, lang, (field) => this.views.fieldLabel?.(field)));
        return;
      case 'done':
        replace(out, this.views.done(outcome.done, lang));
        return;
      default: {
        const never: never = outcome;
        throw new Error(`unhandled outcome ${String(never)}`);
      }
    }
  }
}
