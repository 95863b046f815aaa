import { createRequire } from 'node:module';
import { hash, verify } from '@node-rs/argon2';
import { type MatchExtended, ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { AppConfig } from '../config.ts';
import { invalidInput } from '../domain-errors.ts';

/** Argon2id (the library's default algorithm); the PHC string records the parameters. */
export async function hashPassword(
  password: string,
  cost: AppConfig['passwordHashing'],
): Promise<string> {
  return hash(password, {
    memoryCost: cost.memoryCostKiB,
    timeCost: cost.timeCost,
    parallelism: cost.parallelism,
  });
}

/** A hash of a random password: verifying against it costs the same as against a real one. */
let decoy: Promise<string> | undefined;

/**
 * True when `password` matches `stored`. With no stored hash (unknown account, invitation
 * not yet accepted) it still spends the time of a real check, so timing does not tell
 * which accounts exist.
 */
export async function verifyPassword(
  stored: string | null,
  password: string,
  cost: AppConfig['passwordHashing'],
): Promise<boolean> {
  if (stored === null) {
    decoy ??= hashPassword(crypto.randomUUID(), cost);
    await verify(await decoy, password);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** The smallest password length we accept (NIST SP 800-63B: at least 8; we ask for more). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/**
 * zxcvbn's least score we accept: 3 is "safely unguessable" (at least 10^8 guesses), which a
 * password from its lists of common passwords, names and words never reaches.
 */
const MIN_STRENGTH_SCORE = 3;

/**
 * zxcvbn's matching grows steeply with length; what the first 100 characters are worth is a
 * lower bound for the whole, so the rest need not be looked at.
 */
const STRENGTH_CHECKED_LENGTH = 100;

/** The local part of an email must be this long before it counts as guessable on its own. */
const MIN_LOCAL_PART_LENGTH = 3;

let estimator: ZxcvbnFactory | undefined;

/**
 * The word lists hold about 30 MB once loaded, and only a password being chosen needs them:
 * they are loaded then, not when the server starts (docs/decisions/177).
 */
function wordLists() {
  const load = createRequire(import.meta.url);
  return {
    commonPasswords: load(
      '@zxcvbn-ts/language-common',
    ) as typeof import('@zxcvbn-ts/language-common'),
    englishWords: load('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en'),
  };
}

/** Built on first use: ranking the dictionaries takes about a second. */
function strengthEstimator(): ZxcvbnFactory {
  if (estimator !== undefined) return estimator;
  const { commonPasswords, englishWords } = wordLists();
  estimator = new ZxcvbnFactory({
    dictionary: { ...commonPasswords.dictionary, ...englishWords.dictionary },
    graphs: commonPasswords.adjacencyGraphs,
    translations: englishWords.translations,
  });
  return estimator;
}

const coversAll = (match: MatchExtended, length: number) => match.i === 0 && match.j === length - 1;

/**
 * Why `password` may not be chosen for the account with `email`, as the end of a sentence
 * starting "This password …"; null when it may (decision 123, ASVS 5.0 §6.2). Spaces and
 * any printable character are fine; length, control characters, the account's own email,
 * repetition and passwords that are common or close to common are not.
 */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `is shorter than ${MIN_PASSWORD_LENGTH} characters`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `is longer than ${MAX_PASSWORD_LENGTH} characters`;
  }
  if (/\p{Cc}/u.test(password)) {
    return 'contains a control character (such as NUL, a tab or a line break)';
  }
  if (/^(.)\1*$/su.test(password)) return 'is one character repeated';
  const lower = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const local = address.split('@')[0] ?? '';
  if (address.length > 0 && lower.includes(address)) return 'contains your email address';
  if (local.length >= MIN_LOCAL_PART_LENGTH && lower.includes(local)) {
    return 'contains the name in your email address';
  }
  const checked = password.slice(0, STRENGTH_CHECKED_LENGTH);
  const result = strengthEstimator().check(checked, [address, local]);
  if (result.score >= MIN_STRENGTH_SCORE) return null;
  const matches = result.sequence;
  const sole = matches.length === 1 ? matches[0] : undefined;
  if (
    sole !== undefined &&
    coversAll(sole, checked.length) &&
    sole.pattern === 'dictionary' &&
    sole.dictionaryName === 'passwords-common' &&
    !sole.l33t &&
    !sole.reversed
  ) {
    return 'is in a list of commonly used passwords';
  }
  if (matches.some((match) => match.pattern === 'repeat')) {
    return 'repeats a short pattern, which is easy to guess';
  }
  if (
    matches.some(
      (match) => match.pattern === 'dictionary' && match.dictionaryName === 'passwords-common',
    )
  ) {
    return 'is too close to a commonly used password';
  }
  const warning = result.feedback.warning?.replace(/\.$/, '');
  return warning ? `is too easy to guess: ${warning}` : 'is too easy to guess';
}

/** Throws 400 naming `path` when `password` may not be chosen (see passwordProblem). */
export function checkNewPassword(password: string, email: string, path: string): void {
  const problem = passwordProblem(password, email);
  if (problem !== null) {
    throw invalidInput(`This password ${problem}.`, [{ path, message: problem }]);
  }
}
