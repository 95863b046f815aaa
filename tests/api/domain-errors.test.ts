import { describe, expect, it } from 'vitest';
import {
  Conflict,
  type DomainError,
  Forbidden,
  InvalidInput,
  NotFound,
  RateLimited,
  Unauthenticated,
  Unavailable,
  Unprocessable,
} from '../../api/domain-errors.ts';
import { ApiError, apiErrorOf, errorBody } from '../../api/errors.ts';

describe('a domain failure as the HTTP layer answers it', () => {
  it.each([
    [new InvalidInput('Choose a new password.'), 400, 'INVALID_INPUT'],
    [
      new InvalidInput('Link not valid.', { code: 'INVITATION_INVALID' }),
      400,
      'INVITATION_INVALID',
    ],
    [
      new Unauthenticated('Wrong email or password.', { code: 'INVALID_CREDENTIALS' }),
      401,
      'INVALID_CREDENTIALS',
    ],
    [new Forbidden('Only staff decide claims.'), 403, 'FORBIDDEN'],
    [new NotFound(), 404, 'NOT_FOUND'],
    [new Conflict('Decided.', { code: 'CLAIM_ALREADY_DECIDED' }), 409, 'CLAIM_ALREADY_DECIDED'],
    [
      new Unprocessable('Too late.', { code: 'CLAIM_DEADLINE_PASSED' }),
      422,
      'CLAIM_DEADLINE_PASSED',
    ],
    [new RateLimited('Too many sign-ins.', 60_000), 429, 'RATE_LIMITED'],
    [new Unavailable('Too many evaluations.', 5_000), 503, 'UNAVAILABLE'],
  ] satisfies [DomainError, number, string][])('%s → %i %s', (failure, status, code) => {
    const answer = apiErrorOf(failure);
    expect([answer.status, answer.code, answer.message]).toEqual([status, code, failure.message]);
  });

  it('keeps the issues in the shared error shape', () => {
    const failure = new InvalidInput('A customer user needs a customer.', {
      issues: [{ path: 'customerId', message: 'is required for role customer' }],
    });
    expect(errorBody(apiErrorOf(failure), 'req-1')).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: 'A customer user needs a customer.',
        requestId: 'req-1',
        issues: [{ path: 'customerId', message: 'is required for role customer' }],
      },
    });
  });

  it.each([
    [60_000, '60'],
    [59_001, '60'],
    [1, '1'],
    [0, '1'],
  ])('tells a client refused for %i ms to retry after %s s', (retryAfterMs, seconds) => {
    expect(apiErrorOf(new RateLimited('Slow down.', retryAfterMs)).headers).toEqual({
      'Retry-After': seconds,
    });
  });

  it('sends no Retry-After for a failure that waiting does not cure', () => {
    expect(apiErrorOf(new Conflict('Taken.')).headers).toBeUndefined();
  });
});

describe('an HTTP error', () => {
  it('takes the status of a generic code', () => {
    expect(new ApiError('CSRF_REJECTED', 'Cross-site requests are not accepted.').status).toBe(403);
  });

  it('takes the status given with a specific code, and will not compile without one', () => {
    expect(new ApiError('SOMETHING_NEW', 'Known.', { status: 409 }).status).toBe(409);
    // Never called: the type check is the assertion.
    const unexplained = () =>
      // @ts-expect-error: a code outside ERROR_STATUS needs its status.
      new ApiError('SOMETHING_NEW', 'Who knows.');
    void unexplained;
  });
});
