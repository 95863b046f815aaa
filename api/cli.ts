// The portal's command line: `node api/cli.ts <command> [...args]` (api/cli/commands.ts).
import { CLI_COMMANDS } from './cli/commands.ts';

const [name, ...args] = process.argv.slice(2);
const load = name === undefined ? undefined : CLI_COMMANDS[name];
if (load === undefined) {
  process.stderr.write(
    `usage: node api/cli.ts <${Object.keys(CLI_COMMANDS).join('|')}> [...args]\n`,
  );
  process.exit(2);
}
process.exitCode = await (await load()).run(args);
