import preact from '@astrojs/preact';
import { defineConfig } from 'astro/config';

// Each build may get its own cache folder (api/site-build.ts sets it), so that two builds at
// once — a rebuild while tests build too — never share intermediate files.
const cacheDir = process.env.PORTAL_SITE_CACHE_DIR;

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.PORTAL_SITE_OUT_DIR ?? './dist/site',
  output: 'static',
  integrations: [preact()],
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  ...(cacheDir ? { cacheDir, vite: { cacheDir: `${cacheDir}/vite` } } : {}),
});
