/**
 * A bump allocator of Float64Array views for the model search: the many small buffers of each candidate fit
 * are carved out of one large array and released together with `reset()`, instead of allocating (and
 * garbage-collecting) a few dozen typed arrays per candidate. Views handed out before a reset must no longer
 * be used after it; results that outlive a fit are copied out.
 */
export class Arena {
  private buffer: Float64Array;
  private used = 0;

  constructor(initialSize = 1024) {
    this.buffer = new Float64Array(initialSize);
  }

  /** A zero-filled view of length n. */
  take(n: number): Float64Array {
    if (this.used + n > this.buffer.length) {
      // Earlier views keep the old buffer alive until the next reset; later ones come from a larger one.
      this.buffer = new Float64Array(Math.max(2 * this.buffer.length, 2 * n));
      this.used = 0;
    }
    const view = this.buffer.subarray(this.used, this.used + n);
    this.used += n;
    view.fill(0);
    return view;
  }

  reset(): void {
    this.used = 0;
  }
}

/** Allocates from the arena when one is given, otherwise a fresh array. */
export function takeArray(arena: Arena | undefined, n: number): Float64Array {
  return arena ? arena.take(n) : new Float64Array(n);
}
