import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { credentialsPath, ensureAdmin, isEmpty, openDatabase, seedDemoData } from './bootstrap.ts';
import { systemClock } from './clock.ts';
import { EnvError, readEnv, type ServerEnv } from './env.ts';
import { createSiteApp, isSiteBuilt } from './site-server.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);

/** Builds the static site in a child process (Astro renders pages through the API). */
function buildSite(env: ServerEnv, outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['node_modules/astro/bin/astro.mjs', 'build', '--silent'],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: {
          ...process.env,
          ASTRO_TELEMETRY_DISABLED: '1',
          DATABASE_URL: env.databaseUrl,
          PORTAL_SITE_OUT_DIR: outDir,
        },
      },
    );
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the site build exited with code ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  let env: ServerEnv;
  try {
    env = readEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const clock = systemClock;
  log(`Opening the database at ${env.databaseUrl.replace(/\/\/[^@]*@/, '//…@')}`);
  const database = await openDatabase(env);
  log('Migrations applied.');

  if (env.demo && (await isEmpty(database))) {
    await seedDemoData(database, env, clock, log);
  }
  const logins = credentialsPath(env);
  if (env.demo && existsSync(logins)) {
    log(`\nDEMO DATA: sign in with these demo logins (saved in ${logins}):`);
    log(readFileSync(logins, 'utf8').split('\n').slice(1).join('\n'));
  }
  const admin = await ensureAdmin(database, env, clock);
  if (admin.created && env.admin) {
    log(`Created the admin ${env.admin.email}.`);
    if (admin.generatedPassword) {
      log(`  Its password (shown once; change it after signing in): ${admin.generatedPassword}`);
    }
  }

  if (!isSiteBuilt(env.siteDir)) {
    log('Building the site (first start)…');
    await buildSite(env, env.siteDir);
  }

  const api = createApp({ db: database, clock, config: env.config });
  const site = createSiteApp(env.siteDir);
  const server = serve(
    {
      fetch: (request, ...rest) => {
        const { pathname } = new URL(request.url);
        const target = pathname.startsWith('/api/') || pathname === '/healthz' ? api : site.app;
        return target.fetch(request, ...rest);
      },
      hostname: env.host,
      port: env.port,
    },
    (info) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      log(`\nThe portal is running at http://${host}:${info.port}/`);
    },
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing open requests, then closing the database.`);
    server.close(() => {
      database.close();
      log('Stopped.');
      process.exit(0);
    });
    // Idle keep-alive connections would hold close() open; requests in flight finish first.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

await main();
