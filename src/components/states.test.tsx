import { fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../types/errors';
import { EmptyState, ErrorState, LoadingState, RemoteState } from './states';

describe('ErrorState', () => {
  it('shows the host’s message and retries when 重试 is tapped', () => {
    const onRetry = jest.fn();
    const { container } = render(<ErrorState error={new AppError('RATE_LIMITED')} onRetry={onRetry} />);
    expect(screen.getByText('没有加载出来')).toBeTruthy();
    expect(screen.getByText('操作太频繁了，请稍等一会儿再试')).toBeTruthy();
    // The outer button element takes the tap, as in the mini-program.
    const button = container.querySelector('.nut-button');
    expect(button?.textContent).toBe('重试');
    fireEvent.click(button as Element);
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('uses the app’s full-width touch-target button for 重试', () => {
    const { container } = render(<ErrorState error={null} onRetry={() => undefined} />);
    const button = container.querySelector('.nut-button');
    expect(button?.className).toContain('lt-action-button');
    expect(button?.className).toContain('nut-button-block');
  });

  it('offers no button when there is nothing to retry', () => {
    const { container } = render(<ErrorState error={new AppError('RATE_LIMITED')} />);
    expect(container.querySelector('.nut-button')).toBeNull();
  });

  describe('when the thing is gone or not the viewer’s to see', () => {
    it('says so in plain words and offers the way back instead of a useless 重试', () => {
      const onRetry = jest.fn();
      const { container } = render(
        <ErrorState error={new AppError('NOT_FOUND')} onRetry={onRetry} thing="这个活动" backTo={{ label: '看看我的活动', url: '/packages/events/mine/index' }} />,
      );
      expect(screen.getByText('这个活动已经找不到了')).toBeTruthy();
      expect(screen.getByText('这个活动可能已被取消或删除，也可能链接不完整。')).toBeTruthy();
      const buttons = [...container.querySelectorAll('.nut-button')].map((b) => b.textContent);
      expect(buttons).toEqual(['看看我的活动', '回到首页']);
    });

    it('tells a viewer who may not see it, without a retry', () => {
      const { container } = render(<ErrorState error={new AppError('OUT_OF_SCOPE')} onRetry={() => undefined} thing="这件事" />);
      expect(screen.getByText('您不能查看这件事')).toBeTruthy();
      expect([...container.querySelectorAll('.nut-button')].map((b) => b.textContent)).toEqual(['回到首页']);
    });
  });
});

describe('LoadingState and EmptyState', () => {
  it('say in words what is happening', () => {
    render(<LoadingState />);
    expect(screen.getByText('正在加载，请稍候…')).toBeTruthy();
  });

  it('show what the resident can do next', () => {
    render(<EmptyState title="还没有社区可选" description="请稍后再来" action={<span>回到首页</span>} />);
    expect(screen.getByText('还没有社区可选')).toBeTruthy();
    expect(screen.getByText('回到首页')).toBeTruthy();
  });
});

describe('RemoteState', () => {
  const remote = (over: object) => ({ status: 'loading' as const, data: null, error: null, reload: jest.fn(), ...over });

  it('says it is loading while the value is on its way', () => {
    render(<RemoteState remote={remote({})} text="正在读取工作台…" />);
    expect(screen.getByText('正在读取工作台…')).toBeTruthy();
  });

  it('shows the failure with 重试 when nothing came, and reloads on a tap', () => {
    const failed = remote({ status: 'error', error: new AppError('RATE_LIMITED') });
    const { container } = render(<RemoteState remote={failed} />);
    expect(screen.getByText('操作太频繁了，请稍等一会儿再试')).toBeTruthy();
    fireEvent.click(container.querySelector('.nut-button') as Element);
    expect(failed.reload).toHaveBeenCalledTimes(1);
  });
});
