import { hash, verify } from '@node-rs/argon2';
import type { AppConfig } from '../config.ts';

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
