/**
 * `npm run build:weapp` must work where WeChat DevTools runs. Taro's native bindings for
 * macOS and Windows stop at 4.1.11 on the registry (4.2.x has linux-x64-gnu only), and
 * package.json points the missing ones at an empty placeholder so that `npm ci` works
 * everywhere: so the build config must not load the binding. Here it is loaded as each
 * platform would load it.
 */
const PLATFORMS = [
  { platform: 'darwin', arch: 'arm64' },
  { platform: 'darwin', arch: 'x64' },
  { platform: 'win32', arch: 'x64' },
  { platform: 'linux', arch: 'x64' },
] as const;

function as<T>(target: { platform: string; arch: string }, load: () => T): T {
  const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
  const arch = Object.getOwnPropertyDescriptor(process, 'arch')!;
  Object.defineProperty(process, 'platform', { value: target.platform });
  Object.defineProperty(process, 'arch', { value: target.arch });
  try {
    let result: T | undefined;
    jest.isolateModules(() => {
      result = load();
    });
    return result!;
  } finally {
    Object.defineProperty(process, 'platform', platform);
    Object.defineProperty(process, 'arch', arch);
  }
}

const merge = (...configs: object[]) => Object.assign({}, ...configs);

describe.each(PLATFORMS)('the weapp build config on $platform-$arch', (target) => {
  it('loads and produces the weapp settings', async () => {
    const before = { TARO_ENV: process.env.TARO_ENV, NODE_ENV: process.env.NODE_ENV };
    process.env.TARO_ENV = 'weapp';
    process.env.NODE_ENV = 'development';
    try {
      const configFn = as(target, () => (require('./index') as { default: (m: typeof merge, env: object) => Promise<Record<string, unknown>> }).default);
      const config = await configFn(merge, { command: 'build', mode: 'development' });
      expect(config).toMatchObject({ framework: 'react', compiler: expect.anything(), outputRoot: 'dist' });
      expect(JSON.parse(String((config.defineConstants as Record<string, string>).LINLI_SERVER_URL))).toBe('http://127.0.0.1:3000');
    } finally {
      Object.assign(process.env, before);
    }
  });
});

describe('why the config keeps away from @tarojs/cli', () => {
  it.each(PLATFORMS.filter((p) => p.platform !== 'linux'))('on $platform-$arch, loading the CLI module fails: its binding is the empty placeholder', (target) => {
    expect(() => as(target, () => require('@tarojs/cli'))).toThrow();
  });
});
