import { ScrollView, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { dayNote, type StripDay } from '../schedule';
import './date-strip.scss';

/**
 * The days a resident may pick, in one row that scrolls sideways, the chosen one
 * scrolled into view. A closed day stays pickable: its reason is then shown in full
 * under the strip rather than squeezed into the chip.
 */
export function DateStrip({ days, selected, onSelect }: { days: readonly StripDay[]; selected: string; onSelect: (date: string) => void }) {
  // Scrolled once, on arrival, to the day before the chosen one (so one earlier day still
  // shows at the left edge). Not on every tap: the H5 scroll-into-view also scrolls the
  // page up and down, and a tapped day is on screen already.
  const [anchor] = useState(() => {
    const index = days.findIndex((d) => d.date === selected);
    return index > 1 ? `lt-day-${days[index - 1]!.date}` : undefined;
  });
  return (
    // Keyboard users reach the sideways-scrolling strip itself (axe scrollable-region-focusable).
    <ScrollView className="lt-date-strip" scrollX scrollIntoView={anchor} scrollWithAnimation={false} aria-label="选择日期" {...{ tabIndex: 0 }}>
      <View className="lt-date-strip__row">
        {days.map((day) => {
          const note = dayNote(day);
          const current = day.date === selected;
          const classes = ['lt-date-strip__day', current ? 'lt-date-strip__day--current' : '', note ? 'lt-date-strip__day--closed' : '']
            .filter(Boolean)
            .join(' ');
          return (
            <View
              key={day.date}
              id={`lt-day-${day.date}`}
              className={classes}
              role="button"
              aria-pressed={current}
              aria-label={`${day.label} ${day.weekday}${note ? ` ${note}` : ''}`}
              onClick={() => onSelect(day.date)}
            >
              <Text className="lt-date-strip__label">{day.label}</Text>
              <Text className="lt-date-strip__weekday">{day.weekday}</Text>
              <Text className="lt-date-strip__note">{note ?? ' '}</Text>
            </View>
          );
        })}
      </View>
    </ScrollView>
  );
}
