import { afterEach } from 'vitest';
import { type MailTransport, smtpTransport } from '../../api/notify/smtp.ts';
import type { HostResolver } from '../../api/notify/targets.ts';
import { createOutboxWorker } from '../../api/notify/worker.ts';
import type { Database } from '../../db/client.ts';
import { outbox } from '../../db/schema/index.ts';
import type { TestApp } from './app.ts';
import { captureLog } from './log.ts';

const transports: MailTransport[] = [];
afterEach(() => {
  for (const transport of transports.splice(0)) transport.close();
});

/**
 * An outbox worker on a test app's database and clock, driven by hand (`runOnce`), with a
 * captured log. Mail goes over SMTP to `smtpUrl`, or into the development mailbox without.
 * Jitter is fixed at the middle of its range, so retry times are known.
 */
export function workerFor(
  t: TestApp,
  options: { smtpUrl?: string; db?: Database; id?: string; resolveHost?: HostResolver } = {},
) {
  const log = captureLog();
  const mail = options.smtpUrl ? smtpTransport(options.smtpUrl) : null;
  if (mail) transports.push(mail);
  const worker = createOutboxWorker(
    {
      db: options.db ?? t.db,
      clock: t.clock,
      config: t.config,
      logger: log.logger,
      mail,
      random: () => 0.5,
      ...(options.resolveHost ? { resolveHost: options.resolveHost } : {}),
    },
    options.id ? { id: options.id } : {},
  );
  return { worker, log };
}

/** Every outbox row, oldest first. */
export function outboxRows(t: TestApp) {
  return t.db.db.select().from(outbox).orderBy(outbox.id);
}
