// Taro's preset for the app build. NutUI is imported per component (with its CSS) so a
// page pays only for the widgets it uses; see jest/src-transform.js for the test twin.
const nutuiImport = require('./jest/src-nutui-import');

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [['import', nutuiImport.withStyle, 'nutui-react-taro']],
};
