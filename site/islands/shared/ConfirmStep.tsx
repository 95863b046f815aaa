import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { ApiError } from '../../lib/client.ts';
import { ErrorMessage } from './messages.tsx';

/**
 * The step between a filled form and a write that cannot be taken back, such as one that
 * commits money (docs/decisions/145): what will happen, in words (for money, the amount in
 * its currency and the customer by name), and the button that does it. The focus goes to the
 * statement, not to the button, so an Enter pressed twice on the form never commits; Escape
 * or the back button returns to the form unchanged.
 */
export function ConfirmStep(props: {
  id: string;
  title: string;
  /** What will happen, naming the amount and the customer. */
  children: ComponentChildren;
  /** The committing button, naming the amount and the customer too. */
  confirm: string;
  back: string;
  danger?: boolean;
  busy: boolean;
  error: ApiError | null;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  // Before the step is painted: a key pressed on its button as soon as it shows is never
  // taken by a later move of the focus.
  useLayoutEffect(() => {
    titleRef.current?.focus();
  }, []);
  return (
    <section
      class="confirm-step"
      aria-labelledby={`${props.id}-title`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !props.busy) props.onBack();
      }}
    >
      <h3 id={`${props.id}-title`} tabIndex={-1} ref={titleRef}>
        {props.title}
      </h3>
      <div id={`${props.id}-statement`}>{props.children}</div>
      {props.error && <ErrorMessage error={props.error} focus />}
      <p class="actions">
        <button
          type="button"
          class={props.danger ? 'danger' : undefined}
          disabled={props.busy}
          aria-describedby={`${props.id}-statement`}
          onClick={props.onConfirm}
        >
          {props.busy ? 'Saving…' : props.confirm}
        </button>
        <button type="button" class="secondary" disabled={props.busy} onClick={props.onBack}>
          {props.back}
        </button>
      </p>
    </section>
  );
}

/**
 * The ref for the form's button that opens a confirm step: back from the step, the focus
 * returns to it, so a keyboard user goes on where they left.
 */
export function useFocusBackFromConfirm(confirming: boolean) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (!confirming && wasConfirming.current) buttonRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  return buttonRef;
}
