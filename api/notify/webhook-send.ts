import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { checkedAddresses, type HostResolver, hostOf, TargetRefused } from './targets.ts';

/**
 * One webhook request, signed per Standard Webhooks with its maintained library: headers
 * `webhook-id` (the item's delivery id, the same on every attempt), `webhook-timestamp`
 * (this attempt, in seconds) and `webhook-signature` (`v1,<sig>` for each secret in force,
 * space-separated during a rotation's overlap). Redirects are never followed: a 3xx is a
 * failed attempt. Each connection goes only to addresses checked at connect time.
 */

/** How much of an answer the delivery log keeps. */
export const RESPONSE_PREVIEW_BYTES = 1024;

export interface WebhookRequest {
  url: string;
  deliveryId: string;
  payload: string;
  secrets: string[];
  timestampMs: number;
}

export type WebhookResult =
  | { ok: true; status: number; body: string }
  | { ok: false; status: number | null; body: string | null; error: string; refused: boolean };

/** The signature header value for `payload` under every secret. */
export function signatures(
  secrets: readonly string[],
  deliveryId: string,
  timestampMs: number,
  payload: string,
): string {
  const at = new Date(timestampMs);
  return secrets.map((secret) => new Webhook(secret).sign(deliveryId, at, payload)).join(' ');
}

/** A lookup for the connection: resolves, refuses any private address, hands over the rest. */
function guardedLookup(allowPrivate: boolean, resolve: HostResolver): LookupFunction {
  return (hostname, options, callback) => {
    checkedAddresses(hostname, { allowPrivate, resolve }).then(
      (addresses) => {
        const wanted =
          options.family === 4 || options.family === 6
            ? addresses.filter((entry) => entry.family === options.family)
            : addresses;
        const list = wanted.length > 0 ? wanted : addresses;
        if (options.all) {
          callback(null, list);
          return;
        }
        const first = list[0];
        if (first) callback(null, first.address, first.family);
        else callback(new TargetRefused(`${hostname} does not resolve to an address.`), '', 0);
      },
      (error: Error) => callback(error, '', 0),
    );
  };
}

function readPreview(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () =>
      resolve(Buffer.concat(chunks).subarray(0, RESPONSE_PREVIEW_BYTES).toString());
    response.on('data', (chunk: Buffer) => {
      if (size < RESPONSE_PREVIEW_BYTES) chunks.push(chunk);
      size += chunk.length;
      // The rest is not read: an endpoint cannot keep the worker busy with a long answer.
      if (size >= RESPONSE_PREVIEW_BYTES) {
        response.destroy();
        done();
      }
    });
    response.on('end', done);
    response.on('error', done);
    response.on('close', done);
  });
}

export async function sendWebhook(
  input: WebhookRequest,
  options: { allowPrivate: boolean; resolve: HostResolver; timeoutMs: number },
): Promise<WebhookResult> {
  const url = new URL(input.url);
  try {
    // An IP literal never goes through the lookup: check it here.
    await checkedAddresses(hostOf(url), options);
  } catch (error) {
    if (error instanceof TargetRefused) {
      return { ok: false, status: null, body: null, error: error.message, refused: true };
    }
    throw error;
  }
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(input.payload)),
    'user-agent': 'sla-portal-webhooks/1',
    'webhook-id': input.deliveryId,
    'webhook-timestamp': String(Math.floor(input.timestampMs / 1000)),
    'webhook-signature': signatures(
      input.secrets,
      input.deliveryId,
      input.timestampMs,
      input.payload,
    ),
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<WebhookResult>((resolve) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (result: WebhookResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = send(
      url,
      {
        method: 'POST',
        headers,
        // No pooled sockets: each attempt resolves and checks the address afresh.
        agent: false,
        lookup: guardedLookup(options.allowPrivate, options.resolve),
        timeout: options.timeoutMs,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        void readPreview(response).then((body) => {
          if (status >= 200 && status < 300) {
            finish({ ok: true, status, body });
          } else if (status >= 300 && status < 400) {
            const location = response.headers.location;
            finish({
              ok: false,
              status,
              body,
              error: `Redirect to ${location ?? '(no Location)'} not followed: webhooks go only to the registered URL.`,
              refused: false,
            });
          } else {
            finish({
              ok: false,
              status,
              body,
              error: `The endpoint answered ${status}.`,
              refused: false,
            });
          }
        });
      },
    );
    // The whole attempt, however slowly an endpoint trickles its answer: real time, as the
    // lease that protects the item is.
    const tooSlow = () => request.destroy(new Error(`No answer within ${options.timeoutMs} ms.`));
    timer = setTimeout(tooSlow, options.timeoutMs);
    request.on('timeout', tooSlow);
    request.on('error', (error) => {
      const refused = error instanceof TargetRefused;
      finish({ ok: false, status: null, body: null, error: error.message, refused });
    });
    request.end(input.payload);
  });
}
