import { act, fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../../types/errors';
import type { ThanksPost } from '../../../types/honors-model';

const mockCall = jest.fn();
jest.mock('../../cloud/client', () => ({ call: (name: string, input: unknown) => mockCall(name, input) }));

import { ThanksCard } from './thanks-card';

const post: ThanksPost = {
  id: 'demo-thanks-kangle',
  authorName: '孙桂芳',
  targetKind: 'staff',
  targetName: '周丽',
  communityName: '康乐社区',
  text: '周丽同志帮我们联系银行，用视频办好了业务。',
  photoUrl: null,
  status: 'approved',
  statusText: '已展示',
  reports: 0,
  createdAt: new Date('2020-11-02T02:00:00Z'),
};

const tapButton = (container: HTMLElement, text: string) => {
  const button = [...container.querySelectorAll('.nut-button, [role=button]')].find((b) => b.textContent?.trim() === text);
  if (!button) throw new Error(`no button ${text}`);
  fireEvent.click(button);
};

describe('a thank-you on the wall', () => {
  beforeEach(() => mockCall.mockReset());

  it('says whom it thanks, who wrote it, where and when', () => {
    render(<ThanksCard post={post} />);
    expect(screen.getByText('致 周丽（社区工作人员）')).toBeTruthy();
    expect(screen.getByText(/孙桂芳 · 康乐社区 · 11月2日/)).toBeTruthy();
    expect(screen.queryByText('举报')).toBeNull();
  });

  it('opens 举报 inside the card, sends the chosen reason, and thanks the reporter', async () => {
    mockCall.mockResolvedValue({ reported: true });
    const { container } = render(<ThanksCard post={post} reportable signedIn />);
    tapButton(container, '举报');
    expect(screen.getByText('举报这条感谢')).toBeTruthy();
    // A reason is needed first; said under the choices, nothing is sent.
    tapButton(container, '提交举报');
    expect(screen.getByText('请选择举报的原因')).toBeTruthy();
    expect(mockCall).not.toHaveBeenCalled();

    tapButton(container, '内容不实');
    await act(async () => tapButton(container, '提交举报'));
    expect(mockCall).toHaveBeenCalledWith('thanks.report', { id: 'demo-thanks-kangle', reason: '内容不实' });
    expect(screen.getByText('已收到您的举报，社区会核实处理。谢谢您。')).toBeTruthy();
    expect(screen.queryByText('举报这条感谢')).toBeNull();
  });

  it('keeps the form with the host’s message when the report fails', async () => {
    mockCall.mockRejectedValue(new AppError('NOT_FOUND'));
    const { container } = render(<ThanksCard post={post} reportable signedIn />);
    tapButton(container, '举报');
    tapButton(container, '广告推销');
    await act(async () => tapButton(container, '提交举报'));
    expect(screen.getByText('内容不存在或已被删除')).toBeTruthy();
    expect(screen.getByText('举报这条感谢')).toBeTruthy();
  });

  it('asks a signed-out reader to sign in instead of sending', () => {
    const { container } = render(<ThanksCard post={post} reportable signedIn={false} />);
    tapButton(container, '举报');
    expect(screen.getByText('登录后才能举报，这样社区能核实举报。')).toBeTruthy();
    tapButton(container, '不举报了');
    expect(screen.getByText('举报')).toBeTruthy();
    expect(mockCall).not.toHaveBeenCalled();
  });
});
