// The thread that writes a statement run's files (api/cli/statement-sink.ts,
// `threadedWriter`): each batch is written in order, synchronously, and answered once
// written, or with the first failure.
import { writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

export interface WriterBatch {
  id: number;
  files: { path: string; content: string | Uint8Array }[];
}

export interface WriterReply {
  id: number;
  failure: { message: string; code: string | undefined } | null;
}

const port = parentPort;
if (port === null) throw new Error('statement-writer-thread.ts runs as a worker thread');
port.on('message', (batch: WriterBatch) => {
  let failure: WriterReply['failure'] = null;
  for (const file of batch.files) {
    try {
      writeFileSync(file.path, file.content);
    } catch (error) {
      const cause = error as NodeJS.ErrnoException;
      failure = { message: cause.message, code: cause.code };
      break;
    }
  }
  port.postMessage({ id: batch.id, failure } satisfies WriterReply);
});
