import { fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../types/errors';
import { ChoiceChips, SignedInForm, SubmitBar, SubmittedNotice } from './form-kit';

let mockSession: { status: string } = { status: 'signedIn' };
jest.mock('../hooks/use-session', () => ({ useSession: () => mockSession }));

const WHEN = [
  { value: 'upcoming', text: '即将开始' },
  { value: 'past', text: '已结束' },
] as const;

describe('ChoiceChips (a filter row)', () => {
  it('ticks the chosen one, says so to screen readers, and reports another choice', () => {
    const onChange = jest.fn();
    const { container } = render(<ChoiceChips label="活动时间" caption="时间" options={WHEN} value="upcoming" onChange={onChange} />);
    expect(container.querySelector('[role=group]')?.getAttribute('aria-label')).toBe('活动时间');
    expect(screen.getByText('时间')).toBeTruthy();
    const chips = [...container.querySelectorAll('[role=button]')];
    expect(chips.map((c) => [c.textContent, c.getAttribute('aria-pressed')])).toEqual([
      ['✓ 即将开始', 'true'],
      ['已结束', 'false'],
    ]);
    fireEvent.click(chips[1]!);
    expect(onChange).toHaveBeenCalledWith('past');
  });

  it('does not reload the list when the chosen one is tapped again', () => {
    const onChange = jest.fn();
    render(<ChoiceChips label="活动时间" options={WHEN} value="upcoming" onChange={onChange} />);
    fireEvent.click(screen.getByText('✓ 即将开始'));
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('SubmitBar', () => {
  it('names every field to fix and the host’s message by the button, and sends on a tap', () => {
    const onSubmit = jest.fn();
    const { container } = render(
      <SubmitBar errors={{ fields: {}, summary: '有2处需要修改：姓名、理由' }} error={new AppError('RATE_LIMITED')} busy={false} onSubmit={onSubmit}>
        提交推荐
      </SubmitBar>,
    );
    expect(screen.getByText('有2处需要修改：姓名、理由')).toBeTruthy();
    expect(screen.getByText('操作太频繁了，请稍等一会儿再试')).toBeTruthy();
    fireEvent.click(container.querySelector('.nut-button') as Element);
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});

describe('SubmittedNotice', () => {
  it('says what was sent and offers the list and one more', () => {
    const next = jest.fn();
    const again = jest.fn();
    const { container } = render(
      <SubmittedNotice title="推荐已提交" next={{ text: '看我的推荐', onClick: next }} again={{ text: '再推荐一位', onClick: again }}>
        <span>您推荐了张秀英</span>
      </SubmittedNotice>,
    );
    expect(container.querySelector('[role=status]')?.textContent).toContain('推荐已提交');
    const buttons = [...container.querySelectorAll('.nut-button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['看我的推荐', '再推荐一位']);
    fireEvent.click(buttons[1]!);
    expect(again).toHaveBeenCalledTimes(1);
  });
});

describe('SignedInForm', () => {
  const form = () => (
    <SignedInForm<string>
      signInReason="登录后才能推荐。"
      form={(sent) => (
        <button type="button" onClick={() => sent('张秀英')}>
          提交
        </button>
      )}
      done={(name, again) => (
        <button type="button" onClick={again}>
          已推荐{name}，再推荐一位
        </button>
      )}
    />
  );

  it('asks a visitor to sign in, saying why', () => {
    mockSession = { status: 'signedOut' };
    render(form());
    expect(screen.getByText('登录后才能推荐。')).toBeTruthy();
    expect(screen.queryByText('提交')).toBeNull();
  });

  it('shows what was sent in place of the form, and an empty form again on request', () => {
    mockSession = { status: 'signedIn' };
    render(form());
    fireEvent.click(screen.getByText('提交'));
    fireEvent.click(screen.getByText('已推荐张秀英，再推荐一位'));
    expect(screen.getByText('提交')).toBeTruthy();
  });
});
