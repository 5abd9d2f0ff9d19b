import path from 'node:path';
import type { UserConfigExport, UserConfigFn } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';
import { buildConstants } from './constants';
import { addProgress } from './build-progress';

/**
 * `@tarojs/cli`'s own defineConfig is this identity function, but importing it loads the
 * CLI's project generator and with it `@tarojs/binding`, a native module: on macOS and
 * Windows no 4.2.x binding is on the registry (they stop at 4.1.11; package.json points
 * them at an empty placeholder), so the import would fail there. `taro build` itself
 * never needs the binding (only `taro init` / `taro create` do); config/platforms.test.ts
 * loads this file as each platform would.
 */
function defineConfig(config: UserConfigFn<'webpack5'>): UserConfigFn<'webpack5'> {
  return config;
}

// The contracts shared with the cloud live outside src/ and need compiling too.
const sharedTypes = path.resolve(__dirname, '..', 'types');

export default defineConfig(async (merge) => {
  const taroEnv = process.env.TARO_ENV ?? 'weapp';
  const isH5 = taroEnv === 'h5';
  // LINLI_OUTPUT_ROOT lets parallel builds (one per worktree or test run) keep apart.
  const outputRoot = process.env.LINLI_OUTPUT_ROOT ?? (isH5 ? 'dist-h5' : 'dist');

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linli',
    date: '2026-11-26',
    // NutUI's CSS is written for a 375 px design; ours for 750. Taro inlines this
    // function's source into the runtime, so it must not close over anything.
    designWidth(input?: unknown) {
      const file = (input as { file?: string } | undefined)?.file;
      return typeof file === 'string' && file.replace(/\\+/g, '/').indexOf('@nutui') > -1 ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    defineConstants: buildConstants(process.env, taroEnv),
    // app.json's sitemapLocation: which pages WeChat search may index.
    // The weapp loads the SDK's own minified core from the account subpackage (src/cloud/av.weapp.ts).
    copy: {
      patterns: isH5
        ? []
        : [
            { from: 'src/sitemap.json', to: `${outputRoot}/sitemap.json` },
            // Terser passes over it again (Taro's config check refuses copy-webpack-plugin's
            // `info.minimized`): the same code, its licence comment moved to a .LICENSE.txt.
            { from: 'node_modules/leancloud-storage/dist/av-core-min.js', to: `${outputRoot}/packages/account/sdk/av-core.js` },
          ],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedTypes] },
      // Each page imports its own component styles; their relative order never matters
      // because every rule is scoped by its own class.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: [sharedTypes] },
      webpackChain(chain) {
        addProgress(chain);
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
