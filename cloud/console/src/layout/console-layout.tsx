import { LockOutlined, LogoutOutlined } from '@ant-design/icons';
import { ProLayout, type MenuDataItem } from '@ant-design/pro-components';
import { Badge, Dropdown, Result, Spin } from 'antd';
import { Suspense, useEffect, useMemo } from 'react';
import type { Profile } from '../../../../types/users';
import { navigate, usePath } from '../router';
import { signOut } from '../sdk/session';
import { ConsoleProvider, useConsole } from './console-context';
import { HOME, ROUTES, type ConsoleRoute } from './routes';

export function ConsoleLayout({ profile }: { profile: Profile }) {
  return (
    <ConsoleProvider profile={profile}>
      <Shell />
    </ConsoleProvider>
  );
}

function Shell() {
  const { profile, scope, placeName, counts } = useConsole();
  const path = usePath();
  // Hidden, not forbidden: the host refuses these functions to anyone else all the same.
  const routes = useMemo(() => ROUTES.filter((r) => !r.districtOnly || scope.isDistrict), [scope.isDistrict]);
  const current = routes.find((r) => r.path === path);
  useEffect(() => {
    // An unknown or someone else's route lands on the dashboard rather than a blank page.
    if (!current) navigate(HOME);
  }, [current]);
  const route = current ?? routes[0]!;

  const menu = useMemo(() => toMenu(routes), [routes]);
  const badges = useMemo(() => new Map(routes.filter((r) => r.badge).map((r) => [r.path, r.badge!])), [routes]);
  const where = scope.isDistrict ? '全区' : scope.communityIds.map(placeName).join('、');

  return (
    <ProLayout
      title="邻里通 · 管理后台"
      logo={false}
      layout="mix"
      fixSiderbar
      siderWidth={216}
      route={{ path: '/', routes: menu }}
      location={{ pathname: route.path }}
      // Groups as headings: every queue stays one click away, never folded.
      menu={{ type: 'group' }}
      menuItemRender={(item, dom) => {
        const count = item.path && counts ? badges.get(item.path)?.(counts) : undefined;
        return (
          <a
            href={`#${item.path}`}
            onClick={(e) => {
              e.preventDefault();
              if (item.path) navigate(item.path);
            }}
            style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}
          >
            <span>{dom}</span>
            {count ? <Badge count={count} size="small" overflowCount={99} /> : null}
          </a>
        );
      }}
      avatarProps={{
        title: `${profile.nickname}（${where}）`,
        size: 'small',
        render: (_props, dom) => (
          <Dropdown
            menu={{
              items: [
                { key: 'password', icon: <LockOutlined />, label: '修改密码', onClick: () => navigate('/password') },
                { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: () => void signOut() },
              ],
            }}
          >
            {dom}
          </Dropdown>
        ),
      }}
    >
      <Suspense fallback={<Spin style={{ display: 'block', margin: '120px auto' }} tip="正在载入…"><div /></Spin>}>
        {route ? <route.page /> : <Result status="404" title="没有这个页面" />}
      </Suspense>
    </ProLayout>
  );
}

function toMenu(routes: ConsoleRoute[]): MenuDataItem[] {
  const menu: MenuDataItem[] = [];
  for (const r of routes) {
    const item: MenuDataItem = { path: r.path, name: r.name, icon: r.icon, hideInMenu: r.hideInMenu };
    if (!r.group) {
      menu.push(item);
      continue;
    }
    let group = menu.find((m) => m.key === `group:${r.group}`);
    if (!group) {
      // No icon on a group heading: it would sit in the menu as an image where only items and
      // groups may (axe aria-required-children); the heading's words say enough.
      group = { key: `group:${r.group}`, path: `/group/${r.group}`, name: r.group, children: [] };
      menu.push(group);
    }
    group.children!.push(item);
  }
  return menu;
}
