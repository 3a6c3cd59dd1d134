/**
 * Numbers the distinct texts of a column (contracts, customers) in order of first appearance:
 * idOf(text) is the text's number, a new one for a text not seen before. The same job as a
 * Map<string, number>, done with less memory traffic: the slots (hash, id) sit side by side in
 * one Int32Array, so a lookup usually touches one slot and the stored text it matches — with a
 * hundred thousand keys and a million rows arriving in random order, that is what a lookup costs.
 */
// A slot of the table: the id of its text (−1: empty) and the text's hash, side by side.
const ID = 0;
const HASH = 1;
const SLOT = 2;
const INITIAL_SLOTS = 1 << 12;

export class TextIds {
  private mask = INITIAL_SLOTS - 1;
  /** The slots, kept at most half full. */
  private slots = new Int32Array(INITIAL_SLOTS * SLOT).fill(-1);
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
      const id = slots[i * SLOT + ID];
      if (id < 0) return this.add(text, h, i);
      if (slots[i * SLOT + HASH] === h && this.texts[id] === text) {
        this.isNew = false;
        return id;
      }
    }
  }

  private add(text: string, h: number, slot: number): number {
    const id = this.texts.length;
    this.texts.push(text);
    this.hashes.push(h);
    this.slots[slot * SLOT + ID] = id;
    this.slots[slot * SLOT + HASH] = h;
    this.isNew = true;
    if (this.texts.length * 2 > this.mask) this.grow();
    return id;
  }

  private grow(): void {
    this.mask = this.mask * 2 + 1;
    const slots = new Int32Array((this.mask + 1) * SLOT).fill(-1);
    for (let id = 0; id < this.hashes.length; id++) {
      let i = this.hashes[id] & this.mask;
      while (slots[i * SLOT + ID] >= 0) i = (i + 1) & this.mask;
      slots[i * SLOT + ID] = id;
      slots[i * SLOT + HASH] = this.hashes[id];
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
