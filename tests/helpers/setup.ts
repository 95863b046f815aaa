import { afterEach, expect, vi } from 'vitest';
import { disposeAll } from './disposables.ts';

// A test that logs an error has hidden a failure: make it visible.
const errorSpy = vi.spyOn(console, 'error');

afterEach(() => {
  disposeAll();
  const calls = errorSpy.mock.calls;
  errorSpy.mockClear();
  expect(calls, 'console.error was called during the test').toEqual([]);
});
