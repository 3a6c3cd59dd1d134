/**
 * Numbers the distinct texts of a column (contracts, customers) in order of first appearance:
 * idOf(text) is the text's number, a new one for a text not seen before. The same job as a
 * Map<string, number>, done with less memory traffic: the slots (hash, id) sit side by side in
 * one Int32Array, so a lookup usually touches one slot and the stored text it matches — with a
 * hundred thousand keys and a million rows arriving in random order, that is what a lookup costs.
 */
export class TextIds {
  private mask = (1 << 12) - 1;
  /** Pairs (id, hash); id −1: empty. Kept at most half full. */
  private slots = new Int32Array(2 << 12).fill(-1);
  private readonly hashes: number[] = [];
  /** The texts, by id. */
  readonly texts: string[] = [];
  /** Set by idOf: whether its text was new. */
  isNew = false;

  get size(): number {
    return this.texts.length;
  }

  /** The text's id; `isNew` then tells whether it was just added. */
  idOf(text: string): number {
    const h = hash(text);
    const slots = this.slots;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const id = slots[2 * i];
      if (id < 0) return this.add(text, h, i);
      if (slots[2 * i + 1] === h && this.texts[id] === text) {
        this.isNew = false;
        return id;
      }
    }
  }

  private add(text: string, h: number, slot: number): number {
    const id = this.texts.length;
    this.texts.push(text);
    this.hashes.push(h);
    this.slots[2 * slot] = id;
    this.slots[2 * slot + 1] = h;
    this.isNew = true;
    if (this.texts.length * 2 > this.mask) this.grow();
    return id;
  }

  private grow(): void {
    this.mask = this.mask * 2 + 1;
    const slots = new Int32Array(2 * (this.mask + 1)).fill(-1);
    for (let id = 0; id < this.hashes.length; id++) {
      let i = this.hashes[id] & this.mask;
      while (slots[2 * i] >= 0) i = (i + 1) & this.mask;
      slots[2 * i] = id;
      slots[2 * i + 1] = this.hashes[id];
    }
    this.slots = slots;
  }
}

/** FNV-1a over the UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}
