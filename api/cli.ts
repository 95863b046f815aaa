// The portal's command line: `node api/cli.ts <command> [...args]`.
// Each command lives in api/cli/<command>.ts and exports `run(args): Promise<number>` (the exit code).

export {};

const commands: Record<string, () => Promise<{ run: (args: string[]) => Promise<number> }>> = {
  openapi: () => import('./cli/openapi.ts'),
  seed: () => import('./cli/seed.ts'),
  sla: () => import('./cli/sla.ts'),
};

const [name, ...args] = process.argv.slice(2);
const load = name === undefined ? undefined : commands[name];
if (load === undefined) {
  process.stderr.write(`usage: node api/cli.ts <${Object.keys(commands).join('|')}> [...args]\n`);
  process.exit(2);
}
process.exitCode = await (await load()).run(args);
