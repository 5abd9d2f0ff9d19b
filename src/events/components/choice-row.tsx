import { View } from '@tarojs/components';
import './event-card.scss';

/**
 * A row of big choices of which one is current (即将开始 / 进行中 / 已结束). Plain boxes
 * rather than NutUI's tabs, whose labels and hit areas are small and do not wrap.
 */
export function ChoiceRow<K extends string>({
  choices,
  current,
  onChoose,
  label,
}: {
  choices: readonly { key: K; text: string }[];
  current: K;
  onChoose: (key: K) => void;
  label: string;
}) {
  return (
    <View className="lt-choice-row" role="radiogroup" aria-label={label}>
      {choices.map((c) => (
        <View
          key={c.key}
          className={`lt-choice${c.key === current ? ' lt-choice--current' : ''}`}
          role="button"
          aria-pressed={c.key === current}
          onClick={() => {
            if (c.key !== current) onChoose(c.key);
          }}
        >
          {c.text}
        </View>
      ))}
    </View>
  );
}
