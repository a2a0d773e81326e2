interface Entry<Value> {
  readonly value: Value;
  readonly expiresAt: number;
}

/** An in-process cache with a time to live; `get` answers from memory, synchronously. */
export class TtlCache<Value> {
  readonly #entries = new Map<string, Entry<Value>>();
  readonly #loading = new Map<string, Promise<Value>>();
  readonly #ttlMs: number;

  constructor(ttlMs: number) {
    this.#ttlMs = ttlMs;
  }

  get(key: string): Value | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: Value): void {
    this.#entries.set(key, { value, expiresAt: Date.now() + this.#ttlMs });
  }

  clear(): void {
    this.#entries.clear();
  }

  /**
   * The fresh value if there is one, else the promise of loading it (one load
   * per key at a time). Sometimes a value, sometimes a promise: callers await.
   */
  getOrLoad(key: string, load: () => Promise<Value>): Value | Promise<Value> {
    const fresh = this.get(key);
    if (fresh !== undefined) return fresh;
    let loading = this.#loading.get(key);
    if (loading === undefined) {
      loading = load()
        .then((value) => {
          this.set(key, value);
          return value;
        })
        .finally(() => this.#loading.delete(key));
      this.#loading.set(key, loading);
    }
    return loading;
  }
}
