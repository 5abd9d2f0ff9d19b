import { ProFormSelect } from '@ant-design/pro-components';
import type { ReactNode } from 'react';
import { useConsole } from '../layout/console-context';

/**
 * Where an item belongs: one of the admin's communities, or the whole district for a
 * district admin. A community admin with one community sees it fixed. The host checks it
 * again; this only keeps the choice to places the admin has.
 */
export function ScopeField({
  name = 'scopeId',
  label = '发布范围',
  communitiesOnly = false,
  disabled = false,
  extra,
}: {
  name?: string;
  label?: string;
  communitiesOnly?: boolean;
  disabled?: boolean;
  extra?: ReactNode;
}) {
  const { placeOptions, district } = useConsole();
  const options = communitiesOnly ? placeOptions.filter((o) => o.value !== district?.id) : placeOptions;
  return (
    <ProFormSelect
      name={name}
      label={label}
      options={options}
      disabled={disabled || options.length === 1}
      extra={extra}
      rules={[{ required: true, message: `请选择${label}` }]}
      fieldProps={{ showSearch: true, optionFilterProp: 'label' }}
    />
  );
}

/** The place new items go by default: the admin's own community, or the first one offered. */
export function useDefaultScope(communitiesOnly = false): string | undefined {
  const { placeOptions, district, scope } = useConsole();
  if (!scope.isDistrict) return scope.communityIds[0];
  return (communitiesOnly ? placeOptions.find((o) => o.value !== district?.id) : placeOptions[0])?.value;
}
