/**
 * The form fields a request was refused for: each marked `aria-invalid`, with what is wrong
 * written next to it (and read out with it, through `aria-describedby`) — instead of the
 * server's status and field name in a box below the form.
 */
import type { InputIssue } from './api.ts';
import { field, h } from './dom.ts';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export class FieldErrors {
  /** Problem text by API field name (`ip`, `sender`, `policy`, `identity`). */
  private readonly problems = new Map<string, string>();
  private readonly fields = new Map<string, { control: Control; label: string }>();

  /**
   * A labelled field (dom.ts `field`) for the API field `name`, showing its problem if it has one.
   * Call it again when the form is drawn anew; the problem stays until `clear` or `show`.
   */
  field(name: string, label: string, control: Control, hint?: string): HTMLElement {
    const wrapper = field(label, control, hint);
    this.fields.set(name, { control, label });
    this.draw(name);
    return wrapper;
  }

  /** The label of a field on this form, to name it in a summary; undefined for a field not shown. */
  label(name: string): string | undefined {
    const entry = this.fields.get(name);
    return entry?.control.isConnected ? entry.label : undefined;
  }

  /** Marks the fields of these issues (others are left to the summary) and unmarks the rest. */
  show(issues: readonly InputIssue[]): void {
    this.problems.clear();
    for (const issue of issues) {
      if (this.label(issue.field) === undefined || this.problems.has(issue.field)) continue;
      this.problems.set(issue.field, issue.problem ?? issue.message);
    }
    for (const name of this.fields.keys()) this.draw(name);
  }

  clear(): void {
    this.show([]);
  }

  private draw(name: string): void {
    const entry = this.fields.get(name);
    if (!entry) return;
    const { control } = entry;
    const id = `${control.id}-error`;
    control.parentElement?.querySelector(`#${CSS.escape(id)}`)?.remove();
    const hint = control.parentElement?.querySelector(`#${CSS.escape(`${control.id}-hint`)}`) ? `${control.id}-hint` : undefined;
    const problem = this.problems.get(name);
    if (problem === undefined) {
      control.removeAttribute('aria-invalid');
      if (hint) control.setAttribute('aria-describedby', hint);
      else control.removeAttribute('aria-describedby');
      return;
    }
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', hint ? `${id} ${hint}` : id);
    control.insertAdjacentElement('afterend', h('p', { class: 'field-error', id }, problem));
  }
}
