import path from 'node:path'
import { defineConfig } from '@tarojs/cli'
// Typed from @tarojs/taro (a miniapp dependency): the hoisted @tarojs/cli cannot resolve it
// from the root node_modules, so its own config types degrade to `any`.
import type { IProjectConfig } from '@tarojs/taro/types/compile'
import devConfig from './dev'
import prodConfig from './prod'

// The weapp talks to an absolute URL (mini programs have no "same origin");
// H5 is served by the GraphQL server itself, so a relative path is enough.
// Tests bridge wx.request and may rewrite the origin, so the path stays /graphql.
const DEFAULT_WEAPP_API_URL = 'http://127.0.0.1:4000/graphql'

function apiUrl(): string {
  if (process.env.TARO_ENV === 'h5') return '/graphql'
  // Read straight from the shell: Taro's own TARO_APP_ support only reads .env files.
  return process.env.TARO_APP_API_URL || DEFAULT_WEAPP_API_URL
}

// --- npm workspaces vs. Taro's module layout -------------------------------------------
// The root node_modules holds PostCSS 7 (for miniprogram-simulate, a test dependency), so
// npm keeps several @tarojs packages and PostCSS 8 nested. Two consequences, fixed here so
// the build does not depend on how npm happens to hoist:
// 1. postcss-loader (hoisted to the root) would load PostCSS 7 and fail on Taro's PostCSS 8
//    plugins ("postcss-import requires PostCSS 8"): pin it to the PostCSS 8 Taro resolves.
// 2. Hoisted packages (e.g. @tarojs/taro-h5) import ones left in miniapp/node_modules
//    (e.g. @tarojs/plugin-framework-react): let webpack fall back to this folder.
// 3. H5 only: @tarojs/router sits nested under @tarojs/taro-h5. The app entry and taro-h5's
//    navigateTo must share ONE router instance (its `history`), or navigation throws
//    "Cannot read properties of undefined (reading 'listen')". Alias it to taro-h5's copy.
const POSTCSS_8 = require.resolve('postcss', { paths: [require.resolve('@tarojs/webpack5-runner')] })
const OWN_NODE_MODULES = path.resolve(__dirname, '..', 'node_modules')

function taroH5Router(): string {
  const taroH5 = path.dirname(require.resolve('@tarojs/taro-h5/package.json'))
  // The package folder, so webpack still picks the entry by its own mainFields.
  return path.dirname(require.resolve('@tarojs/router/package.json', { paths: [taroH5] }))
}

// The slice of webpack-chain used below (Taro passes a webpack-chain instance).
interface ChainUse {
  get(key: 'loader'): string | undefined
  tap(fn: (options: Record<string, unknown>) => Record<string, unknown>): unknown
}
interface ChainRule {
  uses: { values(): ChainUse[] }
  oneOfs: { values(): ChainRule[] }
}
interface Chain {
  module: { rules: { values(): ChainRule[] } }
  resolve: { modules: { add(dir: string): unknown }; alias: { set(key: string, value: string): unknown } }
  performance: { maxEntrypointSize(bytes: number): unknown; maxAssetSize(bytes: number): unknown }
}

function fixWorkspaceResolution(chain: Chain) {
  chain.resolve.modules.add('node_modules')
  chain.resolve.modules.add(OWN_NODE_MODULES)
  const visit = (rule: ChainRule) => {
    for (const use of rule.uses.values()) {
      if (use.get('loader')?.includes('postcss-loader')) {
        use.tap((options) => ({ ...options, implementation: POSTCSS_8 }))
      }
    }
    rule.oneOfs.values().forEach(visit)
  }
  chain.module.rules.values().forEach(visit)
}

function h5WebpackChain(chain: Chain) {
  fixWorkspaceResolution(chain)
  chain.resolve.alias.set('@tarojs/router$', taroH5Router())
  // React DOM + Taro's H5 runtime alone are ~320 KiB, over webpack's 244 KiB default, which
  // would warn on every build. Keep a ceiling so real growth still warns.
  chain.performance.maxEntrypointSize(400 * 1024)
  chain.performance.maxAssetSize(300 * 1024)
}

type Merge = (...configs: Array<object | null | undefined>) => object

export default defineConfig<'webpack5'>(async (merge: Merge) => {
  const baseConfig: IProjectConfig<'webpack5'> = {
    projectName: 'family-education-lectures',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // TARO_OUTPUT_ROOT lets parallel builds (one per developer or CI job) keep apart.
    outputRoot: process.env.TARO_OUTPUT_ROOT || `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      API_URL: JSON.stringify(apiUrl()),
    },
    framework: 'react',
    compiler: 'webpack5',
    // Taro's mini minifier writes every Chinese character as a six-byte \uXXXX escape; the
    // package is UTF-8 (three bytes a character) and this UI is Chinese text throughout.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain: fixWorkspaceResolution,
    },
    h5: {
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
      webpackChain: h5WebpackChain,
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
