import { fireEvent, render, screen } from '@testing-library/react';
import { PhotoChooser, type ChosenPhoto } from './photo-chooser';

const png = (name: string) => new File([new Uint8Array([137, 80, 78, 71])], name, { type: 'image/png' });

beforeAll(() => {
  // jsdom has no object URLs; the browser's are opaque strings too.
  let n = 0;
  URL.createObjectURL = () => `blob:test/${++n}`;
});

function chooser(props: Partial<Parameters<typeof PhotoChooser>[0]> = {}) {
  const chosen: ChosenPhoto[][] = [];
  const view = render(<PhotoChooser count={9} addText="添加照片" inputLabel="选择照片" onChosen={(p) => chosen.push(p)} {...props} />);
  const input = view.container.querySelector('input[type=file]') as HTMLInputElement;
  return { view, input, chosen };
}

describe('the photo chooser in the H5 preview', () => {
  it('hands every chosen file to the form with something to show for it', () => {
    const { input, chosen } = chooser();
    expect(input.multiple).toBe(true);
    expect(input.getAttribute('aria-label')).toBe('选择照片');
    fireEvent.change(input, { target: { files: [png('a.png'), png('b.png')] } });
    expect(chosen).toHaveLength(1);
    expect(chosen[0]!.map((p) => (p.file as { blob: File }).blob.name)).toEqual(['a.png', 'b.png']);
    expect(chosen[0]!.every((p) => p.preview.startsWith('blob:'))).toBe(true);
  });

  it('takes one photo where the form wants one, even if more are dropped on it', () => {
    const { input, chosen } = chooser({ count: 1, addText: '添加锦旗照片', inputLabel: '选择锦旗照片' });
    expect(input.multiple).toBe(false);
    fireEvent.change(input, { target: { files: [png('a.png'), png('b.png')] } });
    expect(chosen[0]!.map((p) => (p.file as { blob: File }).blob.name)).toEqual(['a.png']);
  });

  it('says why it is off when the form is full', () => {
    const { view } = chooser({ disabled: true, text: '已有9张照片' });
    expect(screen.getByText('已有9张照片')).toBeTruthy();
    expect(view.container.querySelector('.nut-button')?.className).toContain('nut-button-disabled');
  });
});
