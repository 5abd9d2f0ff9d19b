import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { EventSummary } from '../../../types/events-model';
import { formatRange } from '../../../types/time';
import { seatsText, statusTone } from '../event-text';
import './event-card.scss';

/** The host's status text as a label whose colour says whether it is still open. */
export function StatusBadge({ status, text }: Pick<EventSummary, 'status'> & { text: string }) {
  return <Text className={`lt-event-badge lt-event-badge--${statusTone(status)}`}>{text}</Text>;
}

/** One fact of an event on its own line: 时间 / 3月22日 周日 08:30—11:30. */
export function EventFact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="lt-event-fact">
      <Text className="lt-event-fact__label">{label}</Text>
      <Text className="lt-event-fact__value">{children}</Text>
    </View>
  );
}

/**
 * An event in a list: what, when, where, how many seats are left and whether sign-up is
 * open. The whole card opens the event; `footer` adds what the list needs (my status).
 */
export function EventCard({ event, onOpen, footer }: { event: EventSummary; onOpen?: () => void; footer?: ReactNode }) {
  return (
    <View className="lt-card lt-event-card" role={onOpen ? 'button' : undefined} onClick={onOpen}>
      <View className="lt-event-card__top">
        <Text className="lt-event-card__category">{event.category}</Text>
        <StatusBadge status={event.status} text={event.statusText} />
      </View>
      <Text className="lt-event-card__title">{event.title}</Text>
      <EventFact label="时间">{formatRange(event.startsAt, event.endsAt)}</EventFact>
      <EventFact label="地点">{event.venue}</EventFact>
      <EventFact label="名额">{seatsText(event)}</EventFact>
      {footer}
    </View>
  );
}
