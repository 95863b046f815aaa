import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiClient, call, type components } from '../../lib/api-client.ts';
import type { ApiError } from '../../lib/client.ts';
import { asApiError, ErrorMessage, Loading } from '../shared/messages.tsx';
import { useApiQuery } from '../shared/use-api-query.ts';

type Subscription = components['schemas']['Subscription'];
type Mode = 'confirm' | 'manage' | 'unsubscribe';

/**
 * The pages a subscriber reaches from a message, with no sign-in: the link's token rides in
 * the fragment (never sent to a server or in a Referer), is read once and taken off the
 * address bar. Opening a page changes nothing; its button does.
 */
export default function SubscriptionApp(props: { mode: Mode }) {
  const [token, setToken] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    const found = new URLSearchParams(window.location.hash.slice(1)).get('token');
    setToken(found);
    if (found) window.history.replaceState(null, '', window.location.pathname);
  }, []);
  if (token === undefined) return null;
  if (!token) {
    return (
      <>
        <h1>{TITLES[props.mode]}</h1>
        <p>
          This page needs the link from one of our messages. If you copied it by hand, check that it
          was copied whole. You can also <a href="/subscribe/">subscribe again</a>.
        </p>
      </>
    );
  }
  return <Subscription mode={props.mode} token={token} />;
}

const TITLES: Record<Mode, string> = {
  confirm: 'Confirm your subscription',
  manage: 'Your subscription',
  unsubscribe: 'Unsubscribe',
};

function Subscription(props: { mode: Mode; token: string }) {
  const { token } = props;
  const [mode, setMode] = useState<Mode>(props.mode);
  const [current, setCurrent] = useState<Subscription | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  const saidRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (said) saidRef.current?.focus();
  }, [said]);
  const services = useApiQuery((signal) => call(apiClient.GET('/services', { signal })), []);
  const loaded = useApiQuery(
    (signal) => call(apiClient.POST('/subscriptions/view', { signal, body: { token } })),
    [token],
  );
  const subscription = current ?? loaded.data;
  const [picked, setPicked] = useState<string[] | null>(null);
  const ticked = picked ?? subscription?.services ?? [];
  const toggle = (slug: string, on: boolean) =>
    setPicked(on ? [...ticked, slug] : ticked.filter((each) => each !== slug));

  const act = async (run: () => Promise<Subscription>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      setCurrent(await run());
      setSaid(message);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  if (loaded.error) {
    return (
      <>
        <h1>{TITLES[mode]}</h1>
        <ErrorMessage error={loaded.error} />
      </>
    );
  }
  if (!subscription) return <Loading what="Reading your subscription" />;

  const names = new Map((services.data?.items ?? []).map((item) => [item.slug, item.name]));
  const chosen =
    subscription.services.length === 0
      ? 'every component'
      : subscription.services.map((slug) => names.get(slug) ?? slug).join(', ');

  const confirm = () =>
    act(
      () => call(apiClient.POST('/subscriptions/confirm', { body: { token } })),
      'Confirmed. Updates on incidents and maintenance will come to this address.',
    );
  const leave = () =>
    act(
      () => call(apiClient.POST('/subscriptions/unsubscribe', { body: { token } })),
      'You are unsubscribed. Nothing more will be sent to this address.',
    );
  const save = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void act(
      () => call(apiClient.POST('/subscriptions/update', { body: { token, services: ticked } })),
      'Saved.',
    );
  };

  return (
    <>
      <h1>{TITLES[mode]}</h1>
      {said && (
        <p class="subscribe-result" role="status" tabIndex={-1} ref={saidRef}>
          {said}
        </p>
      )}
      {error && <ErrorMessage error={error} focus />}
      {mode === 'confirm' && !subscription.confirmed && !subscription.unsubscribed && (
        <>
          <p>
            Send incident and maintenance updates about {chosen} to{' '}
            <strong>{subscription.email}</strong>?
          </p>
          <p class="subscribe-actions">
            <button type="button" onClick={confirm} disabled={busy}>
              Confirm the subscription
            </button>
          </p>
        </>
      )}
      {mode === 'unsubscribe' && !subscription.unsubscribed && (
        <>
          <p>
            Stop sending updates to <strong>{subscription.email}</strong>?
          </p>
          <p class="subscribe-actions">
            <button type="button" onClick={leave} disabled={busy}>
              Unsubscribe
            </button>
            <button type="button" class="secondary" onClick={() => setMode('manage')}>
              Choose components instead
            </button>
          </p>
        </>
      )}
      {(mode === 'manage' ||
        (mode === 'confirm' && subscription.confirmed && !subscription.unsubscribed)) && (
        <form class="subscribe-manage" onSubmit={save}>
          <p>
            Updates go to <strong>{subscription.email}</strong> about {chosen}.
            {subscription.unsubscribed && ' (Unsubscribed: saving starts them again.)'}
          </p>
          <fieldset>
            <legend>Components (none ticked: all of them)</legend>
            {(services.data?.items ?? []).map((service) => (
              <label class="subscribe-check" key={service.slug}>
                <input
                  type="checkbox"
                  name="services"
                  value={service.slug}
                  checked={ticked.includes(service.slug)}
                  onChange={(event) => toggle(service.slug, event.currentTarget.checked)}
                />{' '}
                {service.name}
              </label>
            ))}
          </fieldset>
          <p class="subscribe-actions">
            <button type="submit" disabled={busy}>
              Save
            </button>
            {!subscription.unsubscribed && (
              <button type="button" class="secondary" onClick={leave} disabled={busy}>
                Unsubscribe
              </button>
            )}
          </p>
        </form>
      )}
      {mode === 'unsubscribe' && subscription.unsubscribed && !said && (
        <p>This address is unsubscribed: nothing more is sent to it.</p>
      )}
      {mode === 'confirm' && subscription.unsubscribed && (
        <p>
          This subscription was ended. <a href="/subscribe/">Subscribe again</a> to get updates.
        </p>
      )}
      <p>
        <a href="/">Current status</a>
      </p>
    </>
  );
}
