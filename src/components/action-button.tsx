import { Button, type ButtonProps } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import './action-button.scss';

type Tone = 'primary' | 'secondary' | 'danger';

export interface ActionButtonProps extends Omit<Partial<ButtonProps>, 'type' | 'children'> {
  tone?: Tone;
  children: ReactNode;
}

/**
 * The app's one button: full width and as tall as the theme's touch target (60+ px in
 * 长辈模式), so it is never a small thing to aim at. Open-type props (getPhoneNumber,
 * agreePrivacyAuthorization) pass through to WeChat's button.
 */
export function ActionButton({ tone = 'primary', className, children, ...rest }: ActionButtonProps) {
  const type = tone === 'danger' ? 'danger' : tone === 'primary' ? 'primary' : 'default';
  return (
    <Button
      type={type}
      fill={tone === 'secondary' ? 'outline' : 'solid'}
      size="large"
      block
      className={['lt-action-button', `lt-action-button--${tone}`, className].filter(Boolean).join(' ')}
      {...rest}
    >
      {children}
    </Button>
  );
}
