import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Booking } from '../../types/bookings-model';

jest.mock('@tarojs/taro', () => jest.requireActual('../testing/fake-wechat').taroWithFakePageHooks());
const mockCall = jest.fn();
jest.mock('../cloud/client', () => ({ call: (name: string, input: unknown) => mockCall(name, input) }));
jest.mock('../hooks/use-session', () => ({ useSession: () => ({ status: 'signedIn', userId: 'resident-1' }) }));
jest.mock('../account/profile', () => ({
  useProfile: () => ({ status: 'ready', profile: { homeCommunityId: 'chaoyang', roles: [] }, error: null }),
  reloadProfile: () => Promise.resolve(),
}));

import MyBookingsPage from '../packages/bookings/mine/index';

const booking = (n: number): Booking => ({
  id: `booking-${n}`,
  resourceId: 'cy-painting',
  communityId: 'chaoyang',
  resourceName: `书画室${n}号`,
  kind: 'room',
  centerName: '朝阳社区党群服务中心',
  start: new Date(Date.UTC(2026, 2, 23 + n, 1)),
  end: new Date(Date.UTC(2026, 2, 23 + n, 2)),
  status: 'approved',
  statusText: '已预约',
  step: null,
  stepText: null,
  purpose: '',
  partySize: 1,
  rejectReason: null,
  missingMaterials: [],
  documents: [],
  timeline: [],
  canCancel: false,
  canReschedule: false,
  residentName: null,
  notifiable: null,
});

beforeEach(() => {
  mockCall.mockReset().mockImplementation((name: string, input: { cursor?: string }) => {
    if (name !== 'bookings.mine') return Promise.reject(new Error(name));
    return Promise.resolve(
      input.cursor === 'page-2'
        ? { bookings: [booking(3)], suspendedUntil: null, nextCursor: null }
        : { bookings: [booking(1), booking(2)], suspendedUntil: null, nextCursor: 'page-2' },
    );
  });
});

describe('我的预约 with more than a page', () => {
  it('shows the first page, loads the next at 加载更多 with the cursor, then says it is the end', async () => {
    const { container } = render(<MyBookingsPage />);
    await screen.findByText(/书画室1号/);
    expect(screen.queryByText(/书画室3号/)).toBeNull();
    const more = [...container.querySelectorAll('.nut-button, [role=button]')].find((b) => b.textContent?.trim() === '加载更多');
    expect(more).toBeTruthy();
    fireEvent.click(more!);
    await screen.findByText(/书画室3号/);
    expect(mockCall).toHaveBeenLastCalledWith('bookings.mine', { when: 'upcoming', cursor: 'page-2' });
    await waitFor(() => expect(screen.getByText('没有更多预约了')).toBeTruthy());
  });
});
