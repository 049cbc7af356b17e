import type { IProjectConfig } from '@tarojs/taro/types/compile'

// `taro build --watch` sets NODE_ENV=development: unminified output, verbose stats.
export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {},
} satisfies IProjectConfig<'webpack5'>
