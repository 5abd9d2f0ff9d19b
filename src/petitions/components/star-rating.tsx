import { Text, View } from '@tarojs/components';
import '../petitions.scss';

export const STAR_WORDS = ['', '很不满意', '不满意', '一般', '满意', '很满意'] as const;

/** 1–5 stars, each a full touch target, with the choice said in words underneath. */
export function StarRating({ value, onChange }: { value: number; onChange: (stars: number) => void }) {
  return (
    <View>
      <View className="lt-pt-stars" role="radiogroup" aria-label="评分">
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            className={`lt-pt-star${n <= value ? ' lt-pt-star--on' : ''}`}
            role="button"
            aria-pressed={n === value}
            aria-label={`${n}星 ${STAR_WORDS[n]}`}
            onClick={() => onChange(n)}
          >
            ★
          </View>
        ))}
      </View>
      <Text className="lt-pt-stars__word">{value > 0 ? `${value}星 · ${STAR_WORDS[value]}` : '请点星星打分'}</Text>
    </View>
  );
}
