/**
 * A bounded memo for pure functions of one string. The answer stage normalizes and splits the
 * same few hundred passages on every request; caching by text turned those into lookups (the
 * bench's profile showed them among the top costs). Bounded so that questions, which are
 * unique, cannot grow it without limit: when full, it starts over (cheap, and the passages
 * come back within a request or two).
 */
export function memoizeString<T>(fn: (s: string) => T, maxEntries = 20_000): (s: string) => T {
  let cache = new Map<string, T>();
  return (s: string): T => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const value = fn(s);
    if (cache.size >= maxEntries) cache = new Map();
    cache.set(s, value);
    return value;
  };
}
