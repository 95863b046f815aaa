// The last step of a site build, in a child process of its own (api/site-build.ts):
// `node api/site-precompress.ts DIR [EARLIER]` writes the brotli and gzip copies of DIR's text
// files (taking unchanged files' copies from the build EARLIER, when given).
// Brotli at quality 11 over every file allocates tens of MB of native memory that glibc
// keeps after it is freed; a child returns it all when it exits (docs/decisions/209).
import { precompressSite } from './site-server.ts';

const [dir, earlierDir] = process.argv.slice(2);
if (dir === undefined) {
  process.stderr.write('usage: node api/site-precompress.ts DIR [EARLIER]\n');
  process.exit(2);
}
await precompressSite(dir, earlierDir);
