/**
 * WeChat's documented value rules for subscribe-message keywords (subscribeMessage.send,
 * "参数值内容限制说明"). A keyword is named `<type><n>` (thing1, time2, phrase4); WeChat answers
 * 47003 "argument invalid! data.<key>.value invalid" when a value breaks its type's rule.
 * Both the fake WeChat (to refuse) and the outbox (to catch a bad message before it costs a
 * credit) read this one table.
 */
export const KEYWORD_TYPES = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
] as const;
export type KeywordType = (typeof KEYWORD_TYPES)[number];

const HAN = '\\u3400-\\u9fff';
const DATE = `(?:\\d{4}年\\d{1,2}月\\d{1,2}日|\\d{4}-\\d{1,2}-\\d{1,2}|\\d{4}/\\d{1,2}/\\d{1,2})`;
const CLOCK = '(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?';
const TIME_POINT = `(?:${DATE}\\s*)?${CLOCK}`;
const DATE_POINT = `${DATE}(?:\\s*${CLOCK})?`;
const range = (point: string) => new RegExp(`^${point}(?:\\s*~\\s*${point})?$`);

const length = (value: string) => [...value].length;

/** Whether `value` is acceptable for a keyword of this type, and if not, why (in Chinese). */
export const KEYWORD_RULES: Record<KeywordType, { limit: string; test(value: string): boolean }> = {
  thing: { limit: '20个以内字符', test: (v) => length(v) >= 1 && length(v) <= 20 },
  number: { limit: '32位以内数字，可带小数', test: (v) => v.length <= 32 && /^-?\d+(\.\d+)?$/.test(v) },
  letter: { limit: '32位以内字母', test: (v) => /^[A-Za-z]{1,32}$/.test(v) },
  symbol: { limit: '5位以内符号', test: (v) => /^[^\p{L}\p{N}\s]{1,5}$/u.test(v) },
  character_string: { limit: '32位以内数字、字母或符号', test: (v) => /^[\x21-\x7e]{1,32}$/.test(v) },
  time: { limit: '24小时制时间（可带年月日），时间段用“~”连接', test: (v) => range(TIME_POINT).test(v) },
  date: { limit: '年月日（可带24小时制时间），时间段用“~”连接', test: (v) => range(DATE_POINT).test(v) },
  amount: { limit: '1个币种符号+10位以内数字，可带小数，结尾可带“元”', test: (v) => /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(v) },
  phone_number: { limit: '17位以内数字、符号', test: (v) => /^[\d+\-() ]{1,17}$/.test(v) && /\d/.test(v) },
  car_number: {
    limit: '8位以内，第一位与最后一位可为汉字，其余为字母或数字',
    test: (v) => length(v) <= 8 && new RegExp(`^[${HAN}A-Za-z0-9][A-Za-z0-9]*[${HAN}A-Za-z0-9]?$`, 'u').test(v),
  },
  name: {
    limit: '10个以内汉字或20个以内字母、符号',
    test: (v) => (new RegExp(`[${HAN}]`, 'u').test(v) ? length(v) <= 10 : /^[^\p{N}\s][^\p{N}]{0,19}$/u.test(v) && length(v) <= 20),
  },
  phrase: { limit: '5个以内汉字', test: (v) => new RegExp(`^[${HAN}]{1,5}$`, 'u').test(v) },
};

/** The type of a keyword named like WeChat names them (`thing1`, `character_string12`). */
export function keywordType(key: string): KeywordType | null {
  const match = /^([a-z_]+?)(\d+)$/.exec(key);
  const type = match?.[1];
  return type && (KEYWORD_TYPES as readonly string[]).includes(type) ? (type as KeywordType) : null;
}

/**
 * The first problem with a message's data against a template's keywords, or null.
 *
 * @example
 * keywordProblem(['thing1', 'time2'], { thing1: '义诊', time2: '2026年3月22日 09:00' }) // null
 * keywordProblem(['thing1'], { thing1: 'x'.repeat(21) }) // 'thing1：20个以内字符'
 */
export function keywordProblem(keywords: readonly string[], data: Record<string, string>): { key: string; reason: string } | null {
  for (const key of Object.keys(data)) {
    if (!keywords.includes(key)) return { key, reason: '模板中没有这个字段' };
  }
  for (const key of keywords) {
    const type = keywordType(key);
    const value = data[key];
    if (!type) return { key, reason: '未知的字段类型' };
    if (value === undefined || value === '') return { key, reason: '不能为空' };
    if (!KEYWORD_RULES[type].test(value)) return { key, reason: KEYWORD_RULES[type].limit };
  }
  return null;
}
