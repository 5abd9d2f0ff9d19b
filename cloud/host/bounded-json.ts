/**
 * JSON bodies are refused when nested deeper than this, before they are parsed: the input
 * schemas never go past a handful of levels, and the protocol's decoding (and anyone's
 * recursive walk over the value) must not meet a body built to exhaust the stack.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * How deep the JSON text nests, counted in one loop over its characters (no recursion, so
 * a body nested a million levels costs one pass and no stack). Stops counting as soon as
 * `limit` is passed. Brackets inside strings do not count.
 *
 * @example jsonDepthExceeds('[[[]]]', 2) // true
 */
export function jsonDepthExceeds(text: string, limit: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}
