import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiClient, call } from '../../lib/api-client.ts';
import type { ApiError } from '../../lib/client.ts';

export interface SubscribeService {
  slug: string;
  name: string;
  group: string | null;
}

type Outcome = { kind: 'sent'; email: string } | { kind: 'failed'; error: ApiError };

/**
 * Email updates from the status page. A plain HTML form that posts to the API and lands on a
 * page saying what happens next, so it works without JavaScript; with it, the form posts JSON
 * and answers in place. No component ticked means every component.
 */
export default function SubscribeForm(props: { services: SubscribeService[]; idPrefix?: string }) {
  const id = (name: string) => `${props.idPrefix ?? 'subscribe'}-${name}`;
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) resultRef.current?.focus();
  }, [outcome]);

  const groups = new Map<string, SubscribeService[]>();
  for (const service of props.services) {
    const group = service.group ?? 'Other components';
    groups.set(group, [...(groups.get(group) ?? []), service]);
  }

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const services = form.getAll('services').map(String);
    setBusy(true);
    try {
      await call(apiClient.POST('/subscriptions', { body: { email, services } }));
      setOutcome({ kind: 'sent', email });
    } catch (caught) {
      setOutcome({ kind: 'failed', error: caught as ApiError });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="subscribe-form"
      method="post"
      action="/api/v1/subscriptions/form"
      onSubmit={submit}
    >
      <div class="subscribe-row">
        <label for={id('email')}>Email address</label>
        <input
          id={id('email')}
          name="email"
          type="email"
          autocomplete="email"
          spellcheck={false}
          required
          maxLength={254}
          aria-describedby={id('hint')}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Subscribing…' : 'Subscribe'}
        </button>
      </div>
      <p class="subscribe-hint" id={id('hint')}>
        We first send a link to confirm the address, and nothing else until you use it. Every
        message has a link to unsubscribe at once.
      </p>
      <details class="subscribe-components">
        <summary>Only some components (all of them unless you choose)</summary>
        {[...groups.entries()].map(([group, services]) => (
          <fieldset key={group}>
            <legend>{group}</legend>
            {services.map((service) => (
              <label class="subscribe-check" key={service.slug}>
                <input type="checkbox" name="services" value={service.slug} /> {service.name}
              </label>
            ))}
          </fieldset>
        ))}
      </details>
      {outcome && (
        <div
          class={outcome.kind === 'sent' ? 'subscribe-result' : 'subscribe-result failed'}
          role={outcome.kind === 'sent' ? 'status' : 'alert'}
          tabIndex={-1}
          ref={resultRef}
        >
          {outcome.kind === 'sent' ? (
            <p>
              Check your inbox: we sent a link to {outcome.email}. Updates start once you open it.
            </p>
          ) : (
            <>
              <p>{outcome.error.message}</p>
              {outcome.error.issues.map((issue) => (
                <p key={`${issue.path}:${issue.message}`}>
                  {issue.path === 'email' ? 'Email address' : issue.path}: {issue.message}
                </p>
              ))}
            </>
          )}
        </div>
      )}
    </form>
  );
}
