import { credentialsPath, formatLogins, openDatabase, seedEmptyDatabase } from '../bootstrap.ts';
import { systemClock } from '../clock.ts';
import { readEnv } from '../env.ts';

/** `npm run seed`: writes the demo data set into an empty database, with progress. */
export async function run(args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write(
      'usage: npm run seed (seeds the database at DATABASE_URL if it is empty)\n',
    );
    return 2;
  }
  const env = readEnv();
  if (env.production) {
    process.stderr.write('Refusing to write demo data with NODE_ENV=production.\n');
    return 1;
  }
  const database = await openDatabase(env);
  try {
    const logins = await seedEmptyDatabase(database, env, systemClock, (line) =>
      process.stdout.write(`${line}\n`),
    );
    if (logins === null) return 1;
    process.stdout.write(
      `\nDemo logins (saved in ${credentialsPath(env)}):\n${formatLogins(logins)}\n`,
    );
    return 0;
  } finally {
    database.close();
  }
}
