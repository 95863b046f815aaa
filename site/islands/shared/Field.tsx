import type { ComponentChildren } from 'preact';

/**
 * One form field: its label, the control (passed as a render function that gets the ids to
 * wire up), a hint, and the problem in words. The control is described by the hint and the
 * problem, and marked invalid while there is one, so a screen reader says what is wrong.
 *
 *   <Field id="name" label="Name" problem={problems.name}>
 *     {(aria) => <input {...aria} value={name} onInput={…} required />}
 *   </Field>
 */
export function Field(props: {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  problem?: string | null | undefined;
  children: (aria: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: 'true';
  }) => ComponentChildren;
}) {
  const hintId = props.hint === undefined ? undefined : `${props.id}-hint`;
  const problemId = props.problem ? `${props.id}-problem` : undefined;
  const describedBy = [hintId, problemId].filter((id) => id !== undefined).join(' ');
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint !== undefined && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.children({
        id: props.id,
        ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }),
        ...(props.problem ? { 'aria-invalid': 'true' as const } : {}),
      })}
      {props.problem && (
        <p class="field-problem" id={problemId}>
          {props.problem}
        </p>
      )}
    </div>
  );
}

/**
 * A number in a <Field>, typed as text: the form keeps what was typed, so a problem can name
 * it, and the keyboard a phone shows follows `inputMode`.
 */
export function NumberField(props: {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  problem?: string | null | undefined;
  value: string;
  inputMode?: 'decimal' | 'numeric';
  onInput: (value: string) => void;
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} problem={props.problem}>
      {(aria) => (
        <input
          {...aria}
          type="text"
          inputMode={props.inputMode ?? 'decimal'}
          autocomplete="off"
          value={props.value}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}
