import { createLogger, type Logger } from '../../api/log.ts';

export interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  method?: string;
  route?: string | null;
  status?: number;
  durationMs?: number;
  principal?: string;
  err?: { type: string; message: string; stack?: string; cause?: LogLine['err'] };
}

/**
 * A logger whose lines a test reads (as written, and parsed). A test passing one to
 * createApp takes over the check that tests/helpers/setup.ts makes for faults: it must
 * look at `errors()` itself.
 */
export function captureLog(): {
  logger: Logger;
  raw: string[];
  lines(): LogLine[];
  errors(): LogLine[];
  warnings(): LogLine[];
} {
  const raw: string[] = [];
  const logger = createLogger({ destination: { write: (line: string) => raw.push(line) } });
  const lines = () => raw.map((line) => JSON.parse(line) as LogLine);
  return {
    logger,
    raw,
    lines,
    errors: () => lines().filter((line) => line.level >= 50),
    warnings: () => lines().filter((line) => line.level === 40),
  };
}
