import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { Clock } from '../../api/clock.ts';

/**
 * A real HTTP receiver on 127.0.0.1 that checks each request's signature with the
 * `standardwebhooks` verifier, as a provider's billing system would. Its notion of "now"
 * (the verifier's replay window) is the portal's pinned clock, not the machine's date.
 */

export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  /** The secrets (of those the receiver knows) whose signature the request carries. */
  verifiedWith: string[];
  path: string;
}

export type Reply =
  | { status: number; body?: string; headers?: Record<string, string> }
  /** Never answer (until the receiver closes). */
  | 'hold';

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The secrets the receiver verifies with. */
  secrets: string[];
  /** Received requests whose signature verified with at least one known secret. */
  verified(): ReceivedWebhook[];
  /** How to answer the n-th request (0-based); 200 when it returns undefined. */
  reply: (request: ReceivedWebhook, index: number) => Reply | undefined;
  /** Resolves when `count` requests arrived (polls; the test's timeout bounds it). */
  waitForCount(count: number): Promise<void>;
  /** Answers the requests held so far with 200. */
  releaseHeld(): void;
  close(): Promise<void>;
}

/**
 * Whether Standard Webhooks' verifier accepts the request as of `nowMs`. The library reads
 * the global clock to check the timestamp, so for this synchronous call that clock is
 * replaced by the given instant (the portal's clock, or the request's own timestamp): the
 * machine's date never decides.
 */
export function verifiesAt(
  secret: string,
  body: string,
  headers: Record<string, string>,
  nowMs: number,
): boolean {
  const realNow = Date.now;
  Date.now = () => nowMs;
  try {
    new Webhook(secret).verify(body, headers);
    return true;
  } catch {
    return false;
  } finally {
    Date.now = realNow;
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export async function startWebhookReceiver(clock: Clock): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const open = new Set<ServerResponse>();
  const receiver: WebhookReceiver = {
    url: '',
    received,
    secrets: [],
    verified: () => received.filter((entry) => entry.verifiedWith.length > 0),
    reply: () => undefined,
    async waitForCount(count) {
      while (received.length < count) await new Promise((resolve) => setTimeout(resolve, 50));
    },
    releaseHeld() {
      for (const response of open) {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end('ok');
      }
      open.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of open) response.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const headers = {
      'webhook-id': String(request.headers['webhook-id'] ?? ''),
      'webhook-timestamp': String(request.headers['webhook-timestamp'] ?? ''),
      'webhook-signature': String(request.headers['webhook-signature'] ?? ''),
    };
    let payload: ReceivedWebhook['payload'] = { type: '', timestamp: '', data: {} };
    try {
      payload = JSON.parse(body);
    } catch {
      // Recorded as it came; the test sees the empty payload.
    }
    const entry: ReceivedWebhook = {
      id: headers['webhook-id'],
      timestamp: headers['webhook-timestamp'],
      signature: headers['webhook-signature'],
      body,
      payload,
      verifiedWith: receiver.secrets.filter((secret) =>
        verifiesAt(secret, body, headers, clock.now()),
      ),
      path: request.url ?? '/',
    };
    received.push(entry);
    const reply = receiver.reply(entry, received.length - 1) ?? { status: 200, body: 'ok' };
    if (reply === 'hold') {
      open.add(response);
      return;
    }
    response.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers });
    response.end(reply.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  receiver.url = `http://127.0.0.1:${port}`;
  return receiver;
}
