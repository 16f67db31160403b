// Compact inverted lists: term → the documents containing it (ascending) and how often (saturating at 255).
// Terms are numbered as they are first seen; each document's counts go into one reused array and a
// flat append log, so indexing 10,000 articles allocates no per-term or per-document collections.

export type PostingList = { docs: Uint16Array | Uint32Array; tfs: Uint8Array; start: number; end: number };

export type Postings<K> = {
  /** Distinct terms. */
  readonly size: number;
  /** Total (term, document) pairs. */
  readonly entries: number;
  get(term: K): PostingList | undefined;
  terms(): IterableIterator<K>;
};

const CHUNK_BITS = 20;
const CHUNK = 1 << CHUNK_BITS;

export class PostingsBuilder<K extends string | number> {
  private readonly ids = new Map<K, number>();
  private df: Int32Array = new Int32Array(1024);
  private counts: Int32Array = new Int32Array(1024);
  private readonly touched: number[] = [];
  private readonly termChunks: Uint32Array[] = [];
  private readonly packedChunks: Uint32Array[] = [];
  private length = 0;
  private doc = -1;

  /** Starts the next document; numbers must increase. Call `endDocument()` when its terms are in. */
  beginDocument(doc: number): void {
    if (doc <= this.doc) throw new RangeError(`postings: document ${doc} added after ${this.doc}`);
    if (doc >= 1 << 24) throw new RangeError(`postings: more than ${1 << 24} documents`);
    this.doc = doc;
  }

  /** Counts one occurrence of `term` in the current document. */
  add(term: K): void {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
      if (id >= this.counts.length) this.grow();
    }
    const count = this.counts[id] as number;
    if (count === 0) this.touched.push(id);
    this.counts[id] = count + 1;
  }

  endDocument(): void {
    const doc = this.doc;
    for (const id of this.touched) {
      const chunk = this.length >>> CHUNK_BITS;
      const offset = this.length & (CHUNK - 1);
      if (offset === 0) {
        this.termChunks.push(new Uint32Array(CHUNK));
        this.packedChunks.push(new Uint32Array(CHUNK));
      }
      (this.termChunks[chunk] as Uint32Array)[offset] = id;
      (this.packedChunks[chunk] as Uint32Array)[offset] = (doc << 8) | Math.min(this.counts[id] as number, 255);
      this.df[id]! += 1;
      this.counts[id] = 0;
      this.length++;
    }
    this.touched.length = 0;
  }

  private grow(): void {
    const size = this.counts.length * 2;
    const counts = new Int32Array(size);
    counts.set(this.counts);
    this.counts = counts;
    const df = new Int32Array(size);
    df.set(this.df);
    this.df = df;
  }

  finish(documentCount: number): FrozenPostings<K> {
    const termCount = this.ids.size;
    const offsets = new Uint32Array(termCount + 1);
    for (let t = 0; t < termCount; t++) offsets[t + 1] = (offsets[t] as number) + (this.df[t] as number);
    const docs = docArray(documentCount, this.length);
    const tfs = new Uint8Array(this.length);
    const cursor = offsets.slice(0, termCount);
    // Rows arrive in document order, so each term's list comes out sorted without a sort.
    for (let i = 0; i < this.length; i++) {
      const term = (this.termChunks[i >>> CHUNK_BITS] as Uint32Array)[i & (CHUNK - 1)] as number;
      const packed = (this.packedChunks[i >>> CHUNK_BITS] as Uint32Array)[i & (CHUNK - 1)] as number;
      const at = cursor[term] as number;
      docs[at] = packed >>> 8;
      tfs[at] = packed & 0xff;
      cursor[term] = at + 1;
    }
    const ids = this.ids;
    this.termChunks.length = 0;
    this.packedChunks.length = 0;
    this.counts = new Int32Array(0);
    this.df = new Int32Array(0);
    return new FrozenPostings(ids, offsets, docs, tfs);
  }
}

/** Document numbers in two bytes while they fit. */
export function docArray(documentCount: number, length: number): Uint16Array | Uint32Array {
  return documentCount <= 0x10000 ? new Uint16Array(length) : new Uint32Array(length);
}

/**
 * Finished postings as four flat arrays: term `t` (numbered as first seen, `keys[t]`) has the
 * documents `docs[offsets[t] .. offsets[t + 1])`. Flat arrays are what the index file stores.
 */
export class FrozenPostings<K extends string | number> implements Postings<K> {
  constructor(
    private readonly ids: Map<K, number>,
    readonly offsets: Uint32Array,
    readonly docs: Uint16Array | Uint32Array,
    readonly tfs: Uint8Array,
  ) {}

  /** Postings from stored arrays; `keys[t]` is term `t`. */
  static fromArrays<K extends string | number>(
    keys: readonly K[],
    offsets: Uint32Array,
    docs: Uint16Array | Uint32Array,
    tfs: Uint8Array,
  ): FrozenPostings<K> {
    if (offsets.length !== keys.length + 1 || offsets[keys.length] !== docs.length || docs.length !== tfs.length) {
      throw new RangeError(
        `postings: ${keys.length} terms do not fit ${offsets.length} offsets, ${docs.length} documents and ${tfs.length} counts`,
      );
    }
    const ids = new Map<K, number>();
    for (let t = 0; t < keys.length; t++) ids.set(keys[t] as K, t);
    if (ids.size !== keys.length) throw new RangeError('postings: a term is stored twice');
    return new FrozenPostings(ids, offsets, docs, tfs);
  }

  get size(): number {
    return this.ids.size;
  }

  get entries(): number {
    return this.docs.length;
  }

  get(term: K): PostingList | undefined {
    const id = this.ids.get(term);
    if (id === undefined) return undefined;
    return { docs: this.docs, tfs: this.tfs, start: this.offsets[id] as number, end: this.offsets[id + 1] as number };
  }

  /** Terms in their stored order (term `t` is the t-th). */
  terms(): IterableIterator<K> {
    return this.ids.keys();
  }
}
