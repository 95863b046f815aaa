/** A message as the outbox hands it to a transport. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<id@domain>`: the item's stable delivery id, the same on every attempt. */
  messageId: string;
  dateMs: number;
  headers: Record<string, string>;
}

export interface MailTransport {
  /** Resolves with the server's reply once it accepted the message; rejects otherwise. */
  send(message: OutgoingMail): Promise<string>;
  close(): void;
}

/**
 * Mail over SMTP with nodemailer: `smtp://host:port` (STARTTLS when the server offers it),
 * `smtps://…` (TLS from the start), credentials in the URL when the relay needs them. Each
 * attempt has bounded waits, well within the outbox lease.
 */
export function smtpTransport(url: string): MailTransport {
  // nodemailer is loaded on the first message, not at start: most portals send mail rarely,
  // and an idle process should not hold its module graph (docs/decisions/204).
  const load = () =>
    import('nodemailer').then(({ createTransport }) =>
      createTransport({
        url,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      }),
    );
  let transport: ReturnType<typeof load> | undefined;
  let closed = false;
  const open = () => {
    transport ??= load();
    return transport;
  };
  return {
    async send(message) {
      if (closed) throw new Error('The SMTP transport is closed.');
      const info = await (await open()).sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        date: new Date(message.dateMs),
        headers: message.headers,
      });
      if (info.rejected.length > 0) {
        throw new Error(`The SMTP server refused the recipient: ${info.response}`);
      }
      return info.response;
    },
    close() {
      closed = true;
      void transport?.then((opened) => opened.close());
    },
  };
}

/** The domain of a From address, for Message-IDs. */
export function mailDomain(from: string): string {
  const address = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from;
  return address.split('@').at(-1)?.trim() || 'localhost';
}
