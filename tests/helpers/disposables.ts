/** Something a test opened that must be closed after it (a temporary database, say). */
interface Disposable {
  dispose(): void;
}

const open: Disposable[] = [];

/** Closes `thing` after the current test (tests/helpers/setup.ts runs the hook). */
export function disposeAfterTest(thing: Disposable): void {
  open.push(thing);
}

/**
 * Closes everything the finished test opened. Called from the setup file, which runs for
 * every test file: a hook registered by a shared module would run for the first file that
 * imported it only, when test files share their modules (the api project, vitest.config.ts).
 */
export function disposeAll(): void {
  for (const thing of open.splice(0)) thing.dispose();
}
