import { fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../types/errors';
import { EmptyState, ErrorState, LoadingState } from './states';

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
    const { container } = render(<ErrorState error={new AppError('NOT_FOUND')} />);
    expect(container.querySelector('.nut-button')).toBeNull();
    expect(screen.getByText('内容不存在或已被删除')).toBeTruthy();
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
