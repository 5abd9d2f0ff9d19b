import { Text, View } from '@tarojs/components';
import type { Slot } from '../../../types/bookings-model';
import { slotCell } from '../schedule';
import './slot-grid.scss';

/**
 * A day's slots, two to a row. Every slot is shown, with what is left or why it cannot
 * be taken (the host's reason: 已过时, 需提前预约, 已被预约, 已约满, 暂停开放), so a full
 * afternoon reads as full rather than as missing. Only free slots are buttons, and only
 * when `onPick` is given (not while booking is suspended).
 */
export function SlotGrid({
  slots,
  mineStarts,
  onPick,
}: {
  slots: readonly Slot[];
  mineStarts: ReadonlySet<number>;
  onPick?: (slot: Slot) => void;
}) {
  return (
    <View className="lt-slot-grid">
      {slots.map((slot) => {
        const cell = slotCell(slot, mineStarts);
        const tappable = cell.state === 'free' && onPick !== undefined;
        return (
          <View
            key={new Date(slot.start).getTime()}
            className={`lt-slot-grid__cell lt-slot-grid__cell--${cell.state}`}
            role={tappable ? 'button' : undefined}
            aria-disabled={tappable ? undefined : true}
            aria-label={`${cell.time} ${cell.note}`}
            onClick={tappable ? () => onPick(slot) : undefined}
          >
            <Text className="lt-slot-grid__time">{cell.time}</Text>
            <Text className="lt-slot-grid__note">{cell.note}</Text>
          </View>
        );
      })}
    </View>
  );
}
