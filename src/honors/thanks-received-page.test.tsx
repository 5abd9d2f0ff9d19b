import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ThanksPost } from '../../types/honors-model';

jest.mock('@tarojs/taro', () => jest.requireActual('../testing/fake-wechat').taroWithFakePageHooks());
const mockCall = jest.fn();
jest.mock('../cloud/client', () => ({ call: (name: string, input: unknown) => mockCall(name, input) }));
jest.mock('../hooks/use-session', () => ({ useSession: () => ({ status: 'signedIn', userId: 'grid-1' }) }));

import ThanksReceivedPage from '../packages/staff/thanks-received/index';

const post = (n: number): ThanksPost => ({
  id: `thanks-${n}`,
  authorName: '孙桂芳',
  targetKind: 'staff',
  targetName: '刘建国',
  communityName: '朝阳社区',
  text: `第${n}条感谢：刘师傅帮忙了。`,
  photoUrl: null,
  status: 'approved',
  statusText: '已展示',
  reports: 0,
  createdAt: new Date(Date.UTC(2026, 2, 23 - n)),
});

beforeEach(() => {
  mockCall.mockReset().mockImplementation((name: string, input: { cursor?: string }) => {
    if (name !== 'thanks.mine') return Promise.reject(new Error(name));
    return Promise.resolve(input.cursor === 'page-2' ? { items: [post(3)], nextCursor: null } : { items: [post(1), post(2)], nextCursor: 'page-2' });
  });
});

describe('我收到的感谢 with more than a page', () => {
  it('shows the first page, loads the next at 加载更多 with the cursor, then says it is the end', async () => {
    const { container } = render(<ThanksReceivedPage />);
    await screen.findByText('第1条感谢：刘师傅帮忙了。');
    expect(screen.queryByText('第3条感谢：刘师傅帮忙了。')).toBeNull();
    const more = [...container.querySelectorAll('.nut-button, [role=button]')].find((b) => b.textContent?.trim() === '加载更多');
    expect(more).toBeTruthy();
    fireEvent.click(more!);
    await screen.findByText('第3条感谢：刘师傅帮忙了。');
    expect(mockCall).toHaveBeenLastCalledWith('thanks.mine', { cursor: 'page-2' });
    await waitFor(() => expect(screen.getByText('已经是全部感谢了')).toBeTruthy());
    expect(screen.getAllByText(/条感谢：/)).toHaveLength(3);
  });
});
