import type { IProjectConfig } from '@tarojs/taro/types/compile'

// A plain `taro build` is already a minified production build; nothing extra needed.
export default {
  mini: {},
  h5: {},
} satisfies IProjectConfig<'webpack5'>
