import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server in the test process (smtp-server, from the nodemailer project): the
 * portal's mail goes through SMTP to it, and the test reads what arrived, parsed with
 * mailparser. A message counts as delivered only once the server accepted it (250 after
 * DATA), as a real relay's would.
 */

export interface ReceivedMail {
  raw: string;
  parsed: ParsedMail;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  header(name: string): string | undefined;
}

export interface MailServer {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  messages: ReceivedMail[];
  /** Messages to this address. */
  to(address: string): ReceivedMail[];
  /**
   * From now on, a message's DATA is read but never answered (the sender waits), until
   * `release()`; resolves when the first such message arrived.
   */
  hold(): Promise<void>;
  release(): void;
  /** Stops holding and forgets the held messages unanswered (their sender died). */
  drop(): void;
  /** Resolves when `count` messages have been accepted (polls; the test's timeout bounds it). */
  waitForCount(count: number): Promise<void>;
  close(): Promise<void>;
}

function headerText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'text' in value && typeof value.text === 'string') {
    return value.text;
  }
  return String(value);
}

/** A header as sent (unfolded), read from the raw message: what a mail client sees. */
function rawHeader(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const wanted = name.toLowerCase();
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === wanted) {
      return line.slice(colon + 1).trim();
    }
  }
  return undefined;
}

export async function startMailServer(): Promise<MailServer> {
  const messages: ReceivedMail[] = [];
  let holding = false;
  let held: (() => void)[] = [];
  let heldArrived: (() => void) | null = null;
  const server = new SMTPServer({
    // A local relay: no TLS, no sign-in (the contract's smtp://127.0.0.1:2525).
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const accept = () => {
          simpleParser(raw).then(
            (parsed) => {
              messages.push({
                raw,
                parsed,
                to: headerText(parsed.to) ?? '',
                subject: parsed.subject ?? '',
                text: parsed.text ?? '',
                html: typeof parsed.html === 'string' ? parsed.html : '',
                messageId: parsed.messageId ?? '',
                header: (name) => rawHeader(raw, name),
              });
              callback();
            },
            (error: Error) => callback(error),
          );
        };
        if (holding) {
          held.push(accept);
          heldArrived?.();
          heldArrived = null;
        } else {
          accept();
        }
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (address) => messages.filter((message) => message.to.includes(address)),
    hold() {
      holding = true;
      return new Promise<void>((resolve) => {
        heldArrived = resolve;
      });
    },
    release() {
      holding = false;
      const waiting = held;
      held = [];
      for (const accept of waiting) accept();
    },
    drop() {
      holding = false;
      held = [];
    },
    async waitForCount(count) {
      while (messages.length < count) await new Promise((resolve) => setTimeout(resolve, 50));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}

/** The first address of a link in a plain-text message that starts with `prefix`. */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}\\S*`).exec(mail.text);
  if (!match) throw new Error(`no link starting ${prefix} in:\n${mail.text}`);
  return match[0];
}

/** The `#token=` of a link. */
export function tokenOf(link: string): string {
  return new URL(link).hash.replace('#token=', '');
}
