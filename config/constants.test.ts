import { buildConstants } from './constants';

const production = { NODE_ENV: 'production', LINLI_SERVER_URL: 'https://linli.example.cn', LINLI_APP_KEY: 'a-real-key' };

describe('a production weapp build (NODE_ENV=production)', () => {
  it('builds with an https server and a real app key, without personas', () => {
    expect(buildConstants(production, 'weapp')).toMatchObject({ LINLI_SERVER_URL: '"https://linli.example.cn"', LINLI_DEV_LOGIN: 'false' });
  });
  it('fails without LINLI_SERVER_URL', () => {
    expect(() => buildConstants({ ...production, LINLI_SERVER_URL: undefined }, 'weapp')).toThrow(/未设置 LINLI_SERVER_URL/);
  });
  it('fails with an http server', () => {
    expect(() => buildConstants({ ...production, LINLI_SERVER_URL: 'http://192.168.1.5:3000' }, 'weapp')).toThrow(/必须是 https 地址/);
  });
  it('fails with the development app key, or with personas', () => {
    expect(() => buildConstants({ ...production, LINLI_APP_KEY: undefined }, 'weapp')).toThrow(/LINLI_APP_KEY 仍是开发默认值/);
    expect(() => buildConstants({ ...production, LINLI_DEV_LOGIN: '1' }, 'weapp')).toThrow(/体验身份/);
  });
});

describe('a development weapp build (npm run dev:weapp, for WeChat DevTools)', () => {
  it('targets the local host and offers the demo personas', () => {
    expect(buildConstants({ NODE_ENV: 'development' }, 'weapp')).toMatchObject({ LINLI_SERVER_URL: '"http://127.0.0.1:3000"', LINLI_DEV_LOGIN: 'true' });
  });
  it('can be pointed at a real test AppID without personas', () => {
    expect(buildConstants({ NODE_ENV: 'development', LINLI_DEV_LOGIN: '0' }, 'weapp')).toMatchObject({ LINLI_DEV_LOGIN: 'false' });
  });
});
