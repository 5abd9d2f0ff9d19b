import { AppError } from '../../../types';
import { SUBSCRIBE_TAPS } from '../../../types/notifications-model';
import type { EventDetail } from '../../../types/events';
import type { SessionUser } from '../../core/define-function';
import type { Services } from '../../core/services';
import { toEventSummary, toMyRegistration } from './event-view';
import { mayManageEvent, mayReadEvent } from '../events.permissions';
import { getEventRow, getRegistration, waitlistPosition, type EventRow } from '../events.storage';

/** An event a resident may see: published, cancelled or closed; drafts only to its admins. */
export async function visibleEvent(services: Services, id: string, caller: SessionUser | null): Promise<EventRow> {
  const row = await getEventRow(services.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (!mayReadEvent(row, caller, { id: row.scope_id, level: row.scope_level })) throw new AppError('NOT_FOUND');
  return row;
}

/** An event the caller administers; NOT_FOUND otherwise, so others' drafts stay unseen. */
export async function managedEvent(services: Services, id: string, caller: SessionUser): Promise<EventRow> {
  const row = await getEventRow(services.db, id);
  if (!row || !mayManageEvent(caller.grants, { id: row.scope_id, level: row.scope_level })) throw new AppError('NOT_FOUND');
  return row;
}

export async function eventDetail(services: Services, row: EventRow, caller: SessionUser | null): Promise<EventDetail> {
  const now = services.clock.now();
  const reg = caller ? await getRegistration(services.db, row.id, caller.id) : undefined;
  const { templates } = services.config;
  return {
    ...toEventSummary(row, now),
    description: row.description,
    organizer: row.organizer,
    partners: JSON.parse(row.partners) as string[],
    signupOpensAt: new Date(row.signup_opens_at),
    signupClosesAt: new Date(row.signup_closes_at),
    cancelCutoffAt: new Date(row.cancel_cutoff_at),
    state: row.state as EventDetail['state'],
    attendance: row.attendance,
    residentsServed: row.residents_served,
    cancelReason: row.cancel_reason,
    mine: reg ? toMyRegistration(reg, row, await waitlistPosition(services.db, reg), now) : null,
    reminderTemplateIds: SUBSCRIBE_TAPS.eventSignup.map((name) => templates[name].id),
    canManage: caller ? mayManageEvent(caller.grants, { id: row.scope_id, level: row.scope_level }) : false,
  };
}
