import { render, screen } from '@testing-library/react';
import type { RoleGrant } from '../../types/access';
import { StaffPage } from './staff-page';

let mockSession: { status: string } = { status: 'signedIn' };
let mockRoles: RoleGrant[] = [];
jest.mock('../hooks/use-session', () => ({ useSession: () => mockSession }));
jest.mock('../account/profile', () => ({
  useProfile: () => ({ status: 'ready', profile: { roles: mockRoles }, error: null }),
  reloadProfile: () => Promise.resolve(),
}));

const worksHere = (roles: readonly RoleGrant[]) => roles.some((g) => g.role === 'gridWorker');

function page() {
  return render(
    <StaffPage signInReason="社区工作人员登录后才能为居民签到。" allowed={worksHere} elsewhere={{ description: '您报名的活动在“我的活动”里。', label: '去我的活动', url: '/packages/events/mine/index' }}>
      {(roles) => <span>签到台（{roles.map((g) => g.scopeId).join('、')}）</span>}
    </StaffPage>,
  );
}

describe('a staff page', () => {
  beforeEach(() => {
    mockSession = { status: 'signedIn' };
    mockRoles = [];
  });

  it('asks a visitor to sign in, saying why', () => {
    mockSession = { status: 'signedOut' };
    page();
    expect(screen.getByText('社区工作人员登录后才能为居民签到。')).toBeTruthy();
    expect(screen.queryByText(/签到台/)).toBeNull();
  });

  it('sends a resident to their own side instead of the desk', () => {
    page();
    expect(screen.getByText('这是社区工作人员用的页面')).toBeTruthy();
    expect(screen.getByText('去我的活动')).toBeTruthy();
    expect(screen.queryByText(/签到台/)).toBeNull();
  });

  it('gives the desk the roles the host tells now', () => {
    mockRoles = [{ role: 'gridWorker', scopeId: 'chaoyang' } as RoleGrant];
    page();
    expect(screen.getByText('签到台（chaoyang）')).toBeTruthy();
    expect(screen.queryByText('这是社区工作人员用的页面')).toBeNull();
  });
});
