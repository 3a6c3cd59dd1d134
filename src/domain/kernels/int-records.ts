/**
 * Growable storage of 32-bit integers for the engines' per-row and per-group bookkeeping: no
 * object per row for the garbage collector to trace, and a record's fields side by side in
 * memory (when rows arrive in random order, a record touched is one cache line read).
 */

/** A growable column of 32-bit integers. */
export class IntColumn {
  data = new Int32Array(1024);
  size = 0;

  push(v: number): void {
    if (this.size === this.data.length) {
      const bigger = new Int32Array(this.size * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size++] = v;
  }
}

/**
 * Fixed-size records of `stride` 32-bit integers, side by side. Callers name the fields: a small
 * class per layout whose accessors call get/set with constant field numbers.
 */
export class IntRecords {
  private data: Int32Array;
  private count = 0;

  constructor(
    private readonly stride: number,
    capacity = 1024,
  ) {
    this.data = new Int32Array(Math.max(1, capacity) * stride);
  }

  get size(): number {
    return this.count;
  }

  /** A new record, all fields 0; returns its index. */
  push(): number {
    if ((this.count + 1) * this.stride > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    return this.count++;
  }

  get(record: number, field: number): number {
    return this.data[record * this.stride + field];
  }

  set(record: number, field: number, value: number): void {
    this.data[record * this.stride + field] = value;
  }

  /** Adds 1 to the field. */
  increment(record: number, field: number): void {
    this.data[record * this.stride + field]++;
  }
}
