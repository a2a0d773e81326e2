/**
 * A small seeded random source (mulberry32), so every fuzz case can be made
 * again from its seed and index alone.
 */
export interface Random {
  /** A float in [0, 1), as `Math.random` gives. */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** A 32-bit hash of a string (FNV-1a), to derive one case's seed from the run's seed and the case index. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
  };
}

/**
 * Runs `make` with `Math.random` drawing from `random`: eslump (and the
 * shift-fuzzer under it) take no seed and call `Math.random` directly.
 */
export function withSeededMathRandom<T>(random: Random, make: () => T): T {
  const original = Math.random;
  Math.random = () => random.next();
  try {
    return make();
  } finally {
    Math.random = original;
  }
}
