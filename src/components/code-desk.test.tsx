import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AppError } from '../../types/errors';
import { CodeDesk } from './code-desk';

type Done = { name: string };

function desk(send: (code: string) => Promise<Done>, onDone?: (d: Done) => void) {
  const view = render(
    <CodeDesk<Done>
      title="为居民签到"
      scanLabel="扫描居民的签到二维码"
      hint="请居民念出签到码，在下面输入："
      label="签到码"
      placeholder="8位签到码"
      maxLength={11}
      normalize={(v) => v.toUpperCase().replace(/\s/g, '')}
      submitLabel="签到"
      send={send}
      onDone={onDone}
      fieldClassName="lt-page-field"
      doneClassName="lt-page-done"
      renderDone={(d) => <span>{d.name}已签到</span>}
    />,
  );
  // Taro's web component draws its <input> a moment after the first render.
  const input = () => view.container.querySelector('.lt-page-field input') as HTMLInputElement;
  const typeIn = async (value: string) => {
    const box = await waitFor(() => input() ?? Promise.reject(new Error('no input yet')));
    fireEvent.input(box, { target: { value } });
  };
  const submit = () => [...view.container.querySelectorAll('.nut-button')].find((b) => b.textContent === '签到')!;
  return { view, input, typeIn, submit };
}

describe('the code desk, where there is no scanner (the H5 preview)', () => {
  it('offers no scan button, only the box and how to get the code', () => {
    const { view } = desk(() => Promise.resolve({ name: '王阿姨' }));
    expect(screen.getByText('请居民念出签到码，在下面输入：')).toBeTruthy();
    expect([...view.container.querySelectorAll('.nut-button')].map((b) => b.textContent)).toEqual(['签到']);
  });

  it('sends the tidied code, shows who it was and clears the box', async () => {
    const sent: string[] = [];
    const done: Done[] = [];
    const { view, input, typeIn, submit } = desk(
      (code) => {
        sent.push(code);
        return Promise.resolve({ name: '王阿姨' });
      },
      (d) => done.push(d),
    );
    await typeIn('ab cd 1234');
    await waitFor(() => expect(input().value).toBe('ABCD1234'));
    fireEvent.click(submit());
    await screen.findByText('王阿姨已签到');
    expect(sent).toEqual(['ABCD1234']);
    expect(done).toEqual([{ name: '王阿姨' }]);
    expect(view.container.querySelector('.lt-page-done')?.getAttribute('role')).toBe('status');
    expect(input().value).toBe('');
  });

  it('shows the host’s refusal in words and keeps the code to correct', async () => {
    const { input, typeIn, submit } = desk(() => Promise.reject(new AppError('RATE_LIMITED')));
    await typeIn('abcd1234');
    await waitFor(() => expect(input().value).toBe('ABCD1234'));
    fireEvent.click(submit());
    await screen.findByText('操作太频繁了，请稍等一会儿再试');
    expect(input().value).toBe('ABCD1234');
    expect(screen.queryByText('王阿姨已签到')).toBeNull();
  });
});
