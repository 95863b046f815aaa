import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./hold-write-lock.ts', import.meta.url));

/** A second process holding the write lock of `path` (tests/helpers/hold-write-lock.ts). */
export interface LockHolder {
  /** Commits the other process's transaction; resolves once it has. */
  release(): Promise<void>;
  /** Ends the process if a test failed before releasing. */
  kill(): void;
}

function waitFor(child: ChildProcess, word: string, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (output().split('\n').includes(word)) {
        cleanup();
        resolve();
      }
    };
    const exited = (code: number | null) => {
      cleanup();
      reject(new Error(`the lock holder exited (${code}) before "${word}":\n${output()}`));
    };
    const cleanup = () => {
      child.stdout?.off('data', check);
      child.off('close', exited);
    };
    child.stdout?.on('data', check);
    child.once('close', exited);
    check();
  });
}

/** Starts the other process and resolves once it holds the lock. */
export async function holdWriteLock(path: string): Promise<LockHolder> {
  const child = spawn(process.execPath, [SCRIPT, path], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  await waitFor(child, 'locked', () => output);
  return {
    async release() {
      const released = waitFor(child, 'released', () => output);
      child.stdin.write('release\n');
      await released;
    },
    kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
