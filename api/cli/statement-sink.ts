import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import type { RunSink } from '../services/statement-run.ts';
import type { WriterBatch, WriterReply } from './statement-writer-thread.ts';

/**
 * Writes each file of a statement run into `root` (which exists). Whole files are written
 * synchronously: a run writes tens of thousands of small files, and handing each one's open,
 * write and close to the thread pool cost more CPU than the writes (a month: about a sixth
 * less CPU this way, the same bytes). The command line has no other work for the event loop.
 */
export function directorySink(root: string): RunSink {
  return {
    async write(name, content) {
      const path = join(root, name);
      if (typeof content === 'string' || content instanceof Uint8Array) {
        writeFileSync(path, content);
      } else {
        await pipeline(Readable.from(content), createWriteStream(path));
      }
    },
  };
}

/** Files sent to the writing thread in one message. */
const BATCH_FILES = 32;

interface Pending {
  path: string;
  content: string | Uint8Array;
  resolve: () => void;
  reject: (error: Error) => void;
}

export interface FileWriter {
  /** A sink writing into `root` (which exists) on the writer's thread. */
  sink(root: string): RunSink;
  /** Waits for every write sent, then stops the thread. */
  close(): Promise<void>;
}

/**
 * Whole files written synchronously, as `directorySink` does, but on a thread of their own:
 * a year's run writes 120,000 files, whose encoding and system calls then overlap the
 * building of the next statements on the second core instead of following it. Files are sent
 * in batches (one message per file would cost about as much as the write); a write resolves
 * once its file is written, so the run's bound on files in flight still holds.
 */
export function threadedWriter(): FileWriter {
  const worker = new Worker(new URL('./statement-writer-thread.ts', import.meta.url));
  let batch: Pending[] = [];
  let flushScheduled = false;
  let nextId = 0;
  const sent = new Map<number, Pending[]>();
  let broken: Error | null = null;
  let closed: Promise<void> | null = null;
  let onDrained: (() => void) | null = null;
  const settled = () => {
    if (sent.size === 0 && onDrained !== null) onDrained();
  };

  const failAll = (error: Error) => {
    broken ??= error;
    for (const files of sent.values()) for (const file of files) file.reject(error);
    sent.clear();
    for (const file of batch) file.reject(error);
    batch = [];
    settled();
  };
  worker.on('message', (reply: WriterReply) => {
    const files = sent.get(reply.id) ?? [];
    sent.delete(reply.id);
    if (reply.failure === null) {
      for (const file of files) file.resolve();
    } else {
      const error: NodeJS.ErrnoException = new Error(reply.failure.message);
      if (reply.failure.code !== undefined) error.code = reply.failure.code;
      for (const file of files) file.reject(error);
    }
    settled();
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => {
    failAll(new Error(`the statement writing thread stopped (exit ${code})`));
  });

  const flush = () => {
    flushScheduled = false;
    if (batch.length === 0) return;
    const id = nextId;
    nextId += 1;
    sent.set(id, batch);
    worker.postMessage({
      id,
      files: batch.map((file) => ({ path: file.path, content: file.content })),
    } satisfies WriterBatch);
    batch = [];
  };

  return {
    sink(root) {
      return {
        async write(name, content) {
          const path = join(root, name);
          if (typeof content !== 'string' && !(content instanceof Uint8Array)) {
            await pipeline(Readable.from(content), createWriteStream(path));
            return;
          }
          if (broken !== null) throw broken;
          const written = new Promise<void>((resolve, reject) => {
            batch.push({ path, content, resolve, reject });
          });
          if (batch.length >= BATCH_FILES) flush();
          else if (!flushScheduled) {
            // The rest goes once the run waits for something (a read, or room for more files).
            flushScheduled = true;
            setImmediate(flush);
          }
          await written;
        },
      };
    },
    close() {
      closed ??= (async () => {
        flush();
        if (sent.size > 0) {
          await new Promise<void>((resolve) => {
            onDrained = resolve;
          });
        }
        worker.removeAllListeners('exit');
        await worker.terminate();
      })();
      return closed;
    },
  };
}
