/** Cheap password hashing for tests: the parameters are stored in each hash, so this is safe. */
export const TEST_PASSWORD_HASHING = { memoryCostKiB: 1024, timeCost: 1, parallelism: 1 };
