import { ProForm } from '@ant-design/pro-components';
import { Select, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ROLE_LABELS } from '../../../../types/access';
import type { PersonFound } from '../../../../types/users';
import { call } from '../sdk/client';
import { toAppError } from '../sdk/errors';

const MATCHED: Record<PersonFound['matchedBy'], string> = { inviteCode: '邀请码', phone: '手机号', name: '姓名' };

/**
 * 查找居民: by name, a phone number or its last 4 digits, or the invite code the person shows
 * in 我的 (typed, or sent by a scanner as keystrokes). Only people within the admin's scope
 * come back, their phones masked; the chosen person's id is the form's `userId`.
 */
export function PersonPicker({ communityId }: { communityId?: string }) {
  const [query, setQuery] = useState('');
  const [people, setPeople] = useState<PersonFound[]>([]);
  const [state, setState] = useState<'idle' | 'searching' | 'done' | 'error'>('idle');
  const [error, setError] = useState('');
  const latest = useRef(0);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setPeople([]);
      setState('idle');
      return undefined;
    }
    const ticket = ++latest.current;
    setState('searching');
    const timer = setTimeout(() => {
      call('users.search', { query: q, ...(communityId && { communityId }) })
        .then((found) => {
          if (ticket !== latest.current) return;
          setPeople(found);
          setState('done');
        })
        .catch((e: unknown) => {
          if (ticket !== latest.current) return;
          setError(toAppError(e).message);
          setState('error');
        });
    }, 300);
    return () => clearTimeout(timer);
  }, [query, communityId]);

  const hint =
    state === 'error'
      ? error
      : state === 'done' && people.length === 0
        ? `没有找到“${query.trim()}”。只能找到本人管辖社区的居民；请对方在小程序“我的 → 工作人员邀请码”里出示邀请码再试。`
        : '输入姓名、手机号（或后4位）、或对方在小程序“我的”里出示的邀请码；扫码枪扫邀请码二维码也可以。';

  return (
    <ProForm.Item name="userId" label="人员" rules={[{ required: true, message: '请查找并选择一位居民' }]} extra={hint}>
      <Select
        showSearch
        aria-label="查找人员"
        placeholder="姓名 / 手机号后4位 / 邀请码"
        filterOption={false}
        onSearch={setQuery}
        loading={state === 'searching'}
        notFoundContent={state === 'searching' ? '正在查找…' : query.trim() ? '没有找到' : '请输入后查找'}
        optionLabelProp="title"
        options={people.map((p) => ({
          value: p.userId,
          title: `${p.nickname}${p.phoneMasked ? `（${p.phoneMasked}）` : ''}`,
          label: (
            <Space direction="vertical" size={0}>
              <Space wrap>
                <Typography.Text strong>{p.nickname}</Typography.Text>
                <Typography.Text>{p.phoneMasked ?? '未绑定手机号'}</Typography.Text>
                <Typography.Text>{p.communityName ?? '未选择社区'}</Typography.Text>
                <Tag>按{MATCHED[p.matchedBy]}找到</Tag>
              </Space>
              {p.roles.length > 0 && (
                <Typography.Text type="secondary">
                  现任：{p.roles.map((r) => `${r.scopeName}${ROLE_LABELS[r.role]}`).join('、')}
                </Typography.Text>
              )}
            </Space>
          ),
        }))}
      />
    </ProForm.Item>
  );
}
