import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { RunSink } from '../services/statement-run.ts';

/** Writes each file of a statement run into `root` (which exists). */
export function directorySink(root: string): RunSink {
  return {
    async write(name, content) {
      const path = join(root, name);
      if (typeof content === 'string' || content instanceof Uint8Array) {
        await writeFile(path, content);
      } else {
        await pipeline(Readable.from(content), createWriteStream(path));
      }
    },
  };
}
