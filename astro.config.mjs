import preact from '@astrojs/preact';
import { defineConfig } from 'astro/config';

// Each build may get its own cache folder (api/site-build.ts sets it), so that two builds at
// once — a rebuild while tests build too — never share intermediate files.
const cacheDir = process.env.PORTAL_SITE_CACHE_DIR;

/**
 * @astrojs/preact always hands @preact/preset-vite a Babel config, so the preset compiles
 * every site/ module's JSX with Babel: half of a build's CPU (docs/decisions/214). In a build
 * Babel only does the JSX transform, which Vite's own (oxc) transform does to the same output
 * bytes; so a build drops the Babel pass and has oxc compile JSX for Preact. `astro dev`
 * keeps Babel, which also names hooks for the Preact devtools there.
 * @type {import('vite').Plugin}
 */
const jsxWithoutBabel = {
  name: 'portal:jsx-without-babel',
  apply: 'build',
  config: () => ({ oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } } }),
  configResolved(config) {
    const babelJsx = config.plugins.find((plugin) => plugin.name === 'vite:preact-jsx');
    if (babelJsx === undefined) {
      throw new Error('@preact/preset-vite no longer has its vite:preact-jsx plugin');
    }
    // The resolved plugins are the ones the build runs; the preset's other hooks stay.
    Object.assign(babelJsx, { transform: undefined });
  },
};

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.PORTAL_SITE_OUT_DIR ?? './dist/site',
  output: 'static',
  integrations: [preact()],
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  vite: {
    plugins: [jsxWithoutBabel],
    ...(cacheDir ? { cacheDir: `${cacheDir}/vite` } : {}),
  },
  ...(cacheDir ? { cacheDir } : {}),
});
