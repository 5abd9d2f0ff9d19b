import type { z } from 'zod';
import type { CreateEventInput } from '../../types/events';
import { HOUR } from '../core/clock';

/** events.create's input for a 朝阳社区 义诊 starting at `start`: three hours, two seats, then `over`. */
export function clinicEventInput(start: Date, over: Partial<z.input<typeof CreateEventInput>> = {}): z.input<typeof CreateEventInput> {
  return {
    title: '爱心义诊进社区',
    category: '义诊',
    scopeId: 'chaoyang',
    organizer: '朝阳社区党委',
    venue: '党群服务中心一楼大厅',
    startsAt: start,
    endsAt: new Date(start.getTime() + 3 * HOUR),
    capacity: 2,
    ...over,
  };
}
