import {
  ApiOutlined,
  ApartmentOutlined,
  MessageOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CommentOutlined,
  DesktopOutlined,
  SmileOutlined,
  HeartOutlined,
  HomeOutlined,
  LockOutlined,
  NotificationOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { QueueCounts } from '../../../../types/admin';

export interface ConsoleRoute {
  path: string;
  name: string;
  icon: ReactNode;
  /** The menu group it sits in; none for top-level entries. */
  group?: string;
  /** Only district admins see it (the host refuses the others anyway). */
  districtOnly?: boolean;
  /** Not in the menu (reached from the account menu). */
  hideInMenu?: boolean;
  /** The number shown beside it in the menu. */
  badge?: (counts: QueueCounts) => number;
  page: LazyExoticComponent<ComponentType>;
}

// Each page is its own chunk: charts and the editor load only where they are used.
export const ROUTES: ConsoleRoute[] = [
  { path: '/dashboard', name: '数据看板', icon: <BarChartOutlined />, page: lazy(() => import('../dashboard/dashboard-page')) },
  { path: '/articles', name: '资讯', group: '内容', icon: <NotificationOutlined />, page: lazy(() => import('../articles/articles-page')) },
  { path: '/events', name: '活动', group: '内容', icon: <CalendarOutlined />, page: lazy(() => import('../events/events-page')) },
  { path: '/honors', name: '光荣榜', group: '内容', icon: <TrophyOutlined />, page: lazy(() => import('../honors/honors-page')) },
  { path: '/resources', name: '功能室与大厅事项', group: '内容', icon: <HomeOutlined />, page: lazy(() => import('../bookings/resources-page')) },
  { path: '/volunteers', name: '志愿服务', group: '内容', icon: <SmileOutlined />, page: lazy(() => import('../stories/volunteers-page')) },
  { path: '/screens', name: '大屏', group: '内容', icon: <DesktopOutlined />, page: lazy(() => import('../stories/screens-page')) },
  {
    path: '/petitions',
    name: '诉求',
    group: '待办',
    icon: <SolutionOutlined />,
    badge: (c) => c.petitionsOpen,
    page: lazy(() => import('../petitions/petitions-page')),
  },
  {
    path: '/bookings',
    name: '待审核预约',
    group: '待办',
    icon: <ScheduleOutlined />,
    badge: (c) => c.bookingsPending,
    page: lazy(() => import('../bookings/pending-page')),
  },
  {
    path: '/nominations',
    name: '推荐',
    group: '待办',
    icon: <UserAddOutlined />,
    badge: (c) => c.nominationsPending,
    page: lazy(() => import('../honors/nominations-page')),
  },
  {
    path: '/thanks',
    name: '感谢墙',
    group: '待办',
    icon: <HeartOutlined />,
    badge: (c) => c.thanksPending + c.thanksHidden,
    page: lazy(() => import('../honors/thanks-page')),
  },
  { path: '/grid', name: '网格与住户', group: '管理', icon: <ApartmentOutlined />, page: lazy(() => import('../grid/grid-page')) },
  { path: '/feedback', name: '投诉建议', group: '管理', icon: <MessageOutlined />, districtOnly: true, page: lazy(() => import('../grid/feedback-page')) },
  { path: '/staff', name: '工作人员与角色', group: '管理', icon: <TeamOutlined />, page: lazy(() => import('../staff/staff-page')) },
  { path: '/audit', name: '审计日志', group: '管理', icon: <AuditOutlined />, districtOnly: true, page: lazy(() => import('../audit/audit-page')) },
  { path: '/api', name: '接口目录', group: '管理', icon: <ApiOutlined />, districtOnly: true, page: lazy(() => import('../catalog/catalog-page')) },
  { path: '/password', name: '修改密码', icon: <LockOutlined />, hideInMenu: true, page: lazy(() => import('../account/password-page')) },
];

export const GROUP_ICONS: Record<string, ReactNode> = {
  内容: <CommentOutlined />,
  待办: <SolutionOutlined />,
  管理: <TeamOutlined />,
};

export const HOME = '/dashboard';
