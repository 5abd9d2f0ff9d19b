import type { Resource } from '../../types/bookings-model';

export interface ServiceGroup {
  key: 'hall' | 'rooms-direct' | 'rooms-approval';
  title: string;
  hint: string;
  items: Resource[];
}

/** Whether a resource answers what the resident typed: its name, what it is for, the documents to bring. */
export function matches(resource: Resource, query: string): boolean {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = [resource.name, resource.description, ...resource.documents].join(' ');
  return words.every((w) => text.includes(w));
}

/**
 * 服务's centre in groups a resident recognises: the hall's matters, the rooms booked at
 * once, and the rooms the community approves first. Empty groups are left out, so a search
 * shows only where something was found.
 */
export function serviceGroups(resources: readonly Resource[], query = ''): ServiceGroup[] {
  const found = resources.filter((r) => matches(r, query));
  const groups: ServiceGroup[] = [
    { key: 'hall', title: '便民服务大厅', hint: '先约好时间，到了直接办，少排队。', items: found.filter((r) => r.kind === 'hall') },
    {
      key: 'rooms-direct',
      title: '功能室 · 直接预约',
      hint: '约上就能用，不用等审核。',
      items: found.filter((r) => r.kind === 'room' && !r.requiresApproval),
    },
    {
      key: 'rooms-approval',
      title: '功能室 · 需社区审核',
      hint: '会议、演出等，社区审核通过后会通知您。',
      items: found.filter((r) => r.kind === 'room' && r.requiresApproval),
    },
  ];
  return groups.filter((g) => g.items.length > 0);
}
