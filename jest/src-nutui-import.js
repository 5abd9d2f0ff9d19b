// babel-plugin-import options for NutUI React Taro, shared by babel.config.js (app build)
// and jest/src-transform.js (tests). Its `customStyle` option is silently ignored, so the
// CSS comes through `style`.
const base = {
  libraryName: '@nutui/nutui-react-taro',
  camel2DashComponentName: false,
  customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
};

module.exports = {
  withStyle: { ...base, style: (p) => `${p}/style/css` },
  // jsdom cannot use the CSS, and loading it needs a CSS transform for no gain.
  withoutStyle: { ...base, style: false },
};
