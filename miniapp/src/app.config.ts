export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/mine/index',
    'pages/lecture/index',
    // Subscribe messages from the server open pages/ticket/index?id=…: keep this path.
    'pages/ticket/index',
  ],
  // Visited once or twice per reader: loaded only when opened, the main package stays small.
  subPackages: [
    {
      root: 'packages/profile',
      pages: ['index'],
    },
    // Lecturers: their lectures, door check-in, courses and proposals.
    {
      root: 'packages/lecturer',
      pages: ['index', 'lecture', 'checkin', 'courses', 'course-edit', 'lecture-edit'],
    },
    // Parents: the course catalogue, chapter player and certificates.
    {
      root: 'packages/learning',
      pages: ['index', 'course', 'chapter', 'certificate'],
    },
    // Organizers: the review queue.
    {
      root: 'packages/organizer',
      pages: ['index', 'review', 'cell', 'attendance', 'targets', 'venues', 'venue-edit', 'dashboard'],
    },
  ],
  // A parent's pages outside the main package download while the home page or 我的 is open, so the
  // first start stays small (the main package is what an older phone waits for) and 我的学习 or the
  // profile form still opens without a wait. WeChat allows up to 2 MB of preloads per page.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/learning'] },
    'pages/mine/index': { network: 'all', packages: ['packages/profile', 'packages/learning'] },
  },
  window: {
    // Weapp's default anyway; on H5, Taro draws its own title bar (with a back button)
    // only when this is set explicitly.
    navigationStyle: 'default',
    navigationBarTitleText: '家庭教育大讲堂',
    navigationBarBackgroundColor: '#b8322e',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f1ec',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#4a4a4a',
    selectedColor: '#b8322e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab-home.png',
        selectedIconPath: 'assets/tab-home-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab-mine.png',
        selectedIconPath: 'assets/tab-mine-active.png',
      },
    ],
  },
  // Inject only the components a page uses: faster first start on older phones.
  lazyCodeLoading: 'requiredComponents',
})
