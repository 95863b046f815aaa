/**
 * The portal's command line: `node api/cli.ts <command> [...args]`. Each command lives in
 * api/cli/<command>.ts and exports `run(args): Promise<number>` (the exit code). Kept apart
 * from api/cli.ts, which runs on import, so that tests can check package.json against it.
 */
export const CLI_COMMANDS: Record<
  string,
  () => Promise<{ run: (args: string[]) => Promise<number> }>
> = {
  'build-site': () => import('./build-site.ts'),
  openapi: () => import('./openapi.ts'),
  seed: () => import('./seed.ts'),
  sla: () => import('./sla.ts'),
  statements: () => import('./statements.ts'),
};
