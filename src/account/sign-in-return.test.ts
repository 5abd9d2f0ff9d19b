import Taro from '@tarojs/taro';
import { ROUTES } from '../routes';
import { backRoute, personaPath, returnTo, routeOf } from './sign-in-return';

describe('the route of the page on screen', () => {
  it("leaves out the H5 router's own stamp and timestamp", () => {
    expect(
      routeOf({
        path: '/packages/articles/detail/index?stamp=3',
        params: { id: 'demo-dongfang-water', stamp: '3', $taroTimestamp: '1764190000000' },
      }),
    ).toBe('/packages/articles/detail/index?id=demo-dongfang-water');
  });

  it('keeps every other param, still encoded as it arrived', () => {
    expect(routeOf({ path: 'packages/events/detail/index', params: { id: 'e%201', sharer: 'u7' } })).toBe(
      '/packages/events/detail/index?id=e%201&sharer=u7',
    );
  });

  it('is the bare path for a page without a query', () => {
    expect(routeOf({ path: '/pages/home/index?stamp=1', params: { stamp: '1' } })).toBe(ROUTES.home);
  });
});

describe("the persona page's back", () => {
  it('survives the trip through the query unchanged', () => {
    const route = '/packages/articles/detail/index?id=demo%2Fwater&sharer=u7';
    const url = personaPath(route);
    expect(url.startsWith(`${ROUTES.persona}?back=`)).toBe(true);
    const raw = new URLSearchParams(url.split('?')[1]).get('back');
    // Taro hands pages their params still encoded: undo what URLSearchParams decoded.
    expect(backRoute(encodeURIComponent(raw!))).toBe(route);
  });

  it('is left out when there is nowhere to go back to', () => {
    expect(personaPath(null)).toBe(ROUTES.persona);
  });

  it("names only this app's pages, and never the persona page itself", () => {
    expect(backRoute(undefined)).toBeNull();
    expect(backRoute(encodeURIComponent('https://example.com/'))).toBeNull();
    expect(backRoute(encodeURIComponent('/packages/nowhere/index'))).toBeNull();
    expect(backRoute(encodeURIComponent(`${ROUTES.persona}?code=dev:x`))).toBeNull();
    expect(backRoute('%E0%A4%A')).toBeNull();
    expect(backRoute(encodeURIComponent(ROUTES.me))).toBe(ROUTES.me);
  });
});

describe('going back after signing in', () => {
  const page = (route: string) => ({ route }) as Taro.Page;
  let switchTab: jest.SpyInstance;
  let navigateBack: jest.SpyInstance;
  let redirectTo: jest.SpyInstance;
  let stack: Taro.Page[];

  beforeEach(() => {
    stack = [];
    jest.spyOn(Taro, 'getCurrentPages').mockImplementation(() => stack);
    switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'ok' });
    navigateBack = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'ok' });
    redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' });
  });
  afterEach(() => jest.restoreAllMocks());

  it('goes back to the page that opened the persona page, which keeps its place', async () => {
    stack = [page('pages/home/index'), page('packages/articles/detail/index'), page('packages/account/persona/index')];
    await returnTo('/packages/articles/detail/index?id=a1');
    expect(navigateBack).toHaveBeenCalledTimes(1);
    expect(redirectTo).not.toHaveBeenCalled();
  });

  it('opens the page in place of the persona page when that was opened on its own', async () => {
    stack = [page('packages/account/persona/index')];
    await returnTo('/packages/articles/detail/index?id=a1');
    expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/articles/detail/index?id=a1' });
    expect(navigateBack).not.toHaveBeenCalled();
  });

  it('switches to a tab', async () => {
    stack = [page('pages/home/index'), page('packages/account/persona/index')];
    await returnTo(ROUTES.home);
    expect(switchTab).toHaveBeenCalledWith({ url: ROUTES.home });
    expect(navigateBack).not.toHaveBeenCalled();
  });
});
