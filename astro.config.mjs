import preact from '@astrojs/preact';
import { defineConfig } from 'astro/config';

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.PORTAL_SITE_OUT_DIR ?? './dist/site',
  output: 'static',
  integrations: [preact()],
  trailingSlash: 'ignore',
  build: { format: 'directory' },
});
