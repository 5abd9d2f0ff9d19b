import { App, Button, Popconfirm, type ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import type { FunctionInput, FunctionName, FunctionOutput } from '../../../../types';
import { call } from '../sdk/client';
import { toAppError } from '../sdk/errors';

/**
 * Calls a function for a button: the host's message when it refuses, a short success note
 * when it does not. Resolves to the output, or undefined when it failed (already shown).
 */
export function useRun() {
  const { message } = App.useApp();
  return async function run<N extends FunctionName>(fn: N, input: FunctionInput<N>, success?: string): Promise<FunctionOutput<N> | undefined> {
    try {
      const out: unknown = await call(fn, input);
      if (success) void message.success(success);
      // TS cannot relate the awaited output of a generic N to the declared one; it is the same type.
      return out as never;
    } catch (error) {
      void message.error(toAppError(error).message);
      return undefined;
    }
  };
}

export interface ActionButtonProps<N extends FunctionName> extends Omit<ButtonProps, 'onClick'> {
  fn: N;
  input: FunctionInput<N> | (() => FunctionInput<N>);
  /** Asked first, for what cannot be undone in a click. */
  confirm?: ReactNode;
  success?: string;
  onDone?: (out: FunctionOutput<N>) => void;
}

/** A button (a link in table rows) that calls one function, with its own spinner. */
export function ActionButton<N extends FunctionName>({ fn, input, confirm, success, onDone, children, ...button }: ActionButtonProps<N>) {
  const run = useRun();
  const [busy, setBusy] = useState(false);
  const go = async () => {
    setBusy(true);
    const out = await run(fn, typeof input === 'function' ? (input as () => FunctionInput<N>)() : input, success);
    setBusy(false);
    if (out !== undefined) onDone?.(out);
  };
  const btn = (
    <Button type="link" size="small" loading={busy} {...button} onClick={confirm ? undefined : () => void go()}>
      {children}
    </Button>
  );
  if (!confirm) return btn;
  return (
    <Popconfirm title={confirm} okText="确定" cancelText="关闭" onConfirm={() => go()}>
      {btn}
    </Popconfirm>
  );
}
