// @tarojs/taro in tests: the H5 implementation of the APIs plus the React page hooks,
// which the real package gets from the framework plugin at build time. taro-h5's
// default export lacks some APIs (getStorageSync among them), so the named ones win.
const h5 = require('@tarojs/taro-h5');
const hooks = require('@tarojs/plugin-framework-react/dist/runtime');

const HOOKS = [
  'useDidHide',
  'useDidShow',
  'useLaunch',
  'useLoad',
  'usePageScroll',
  'usePullDownRefresh',
  'useReachBottom',
  'useReady',
  'useRouter',
  'useShareAppMessage',
  'useShareTimeline',
  'useTabItemTap',
  'useUnload',
];

const Taro = Object.assign({}, h5.default, h5);
for (const name of HOOKS) Taro[name] = hooks[name];
delete Taro.default;

module.exports = Taro;
module.exports.default = Taro;
