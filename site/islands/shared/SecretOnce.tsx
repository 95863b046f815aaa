import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';

/**
 * A secret the API answers once (a key, an invitation link): in a read-only field with a copy
 * button, and said plainly that it will not be shown again.
 */
export function SecretOnce(props: {
  id: string;
  label: string;
  value: string;
  /** What to do with it, e.g. "Put it in the monitor's configuration". */
  note: ComponentChildren;
}) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value);
      setCopied('yes');
    } catch {
      // No clipboard (permissions, an old browser): select it for the person to copy.
      inputRef.current?.select();
      setCopied('no');
    }
  };
  return (
    <div class="secret">
      <p>
        <strong>You won’t see this again.</strong> {props.note}
      </p>
      <label for={props.id}>{props.label}</label>
      <div class="secret-row">
        <input
          id={props.id}
          ref={inputRef}
          type="text"
          readOnly
          spellcheck={false}
          autocomplete="off"
          value={props.value}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p role="status" class="meta">
        {copied === 'yes' && 'Copied to the clipboard.'}
        {copied === 'no' && 'The browser would not copy: it is selected, press Ctrl+C (⌘C).'}
      </p>
    </div>
  );
}
