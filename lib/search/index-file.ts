// The search index as one binary file, written at build time and loaded by the server in a fraction of a
// second instead of tokenizing every article again. Layout: an 8-byte magic, a version, a JSON header
// (documents' file identities and where each section lies), then flat sections (UTF-16 texts, typed
// arrays) aligned to 8 bytes.
// It holds published articles only: the builder is handed the published list and nothing else.
import fs from 'node:fs';
import path from 'node:path';
import type { FoldDiff } from './fold';
import { GramKeys, latinWordsOf, type DocSource, type SearchDocument, type SearchIndex } from './build-index';
import { FrozenPostings } from './postings';

const MAGIC = 'HUTONGSI';
/** Bump when the layout or anything the tokenizer puts in the index changes: an older file is then rebuilt in memory. */
export const INDEX_FILE_VERSION = 1;

/** A document as stored: everything but its metadata, which the server takes from its own content index. */
export type StoredDocument = Omit<SearchDocument, 'meta' | 'source'> & { source: DocSource };
export type StoredIndex = Omit<SearchIndex, 'docs'> & {
  docs: StoredDocument[];
  /** Identifies the code that wrote the file (see scripts/build-search-index.ts); '' when not given. */
  code: string;
};

type ArrayKind = 'u8' | 'u16' | 'u32' | 'f64' | 'utf16';
type Section = { name: string; kind: ArrayKind; offset: number; length: number };
type Header = {
  version: number;
  code: string;
  docs: Array<[file: string, size: number, mtimeMs: number, hash: string]>;
  sections: Section[];
};

export class IndexFileError extends Error {
  override name = 'IndexFileError';
}

/** `<build folder>/hutong/search-index.bin`: where the build writes the index and the server looks for it. */
export function indexFilePath(
  cwd: string = process.cwd(),
  distDir: string = process.env.NEXT_DIST_DIR || '.next',
): string {
  // turbopackIgnore: a runtime path, not a file the server bundle depends on.
  return path.join(/*turbopackIgnore: true*/ cwd, distDir, 'hutong', 'search-index.bin');
}

/** One section: its size up front, its bytes produced piece by piece (so writing never holds a second copy of the texts). */
type Chunk = { name: string; kind: ArrayKind; length: number; byteLength: number; pieces: () => Iterable<Uint8Array> };

function typed(name: string, array: Uint8Array | Uint16Array | Uint32Array | Float64Array): Chunk {
  const kind: ArrayKind =
    array instanceof Uint8Array
      ? 'u8'
      : array instanceof Uint16Array
        ? 'u16'
        : array instanceof Uint32Array
          ? 'u32'
          : 'f64';
  return {
    name,
    kind,
    length: array.length,
    byteLength: array.byteLength,
    pieces: () => [new Uint8Array(array.buffer, array.byteOffset, array.byteLength)],
  };
}

/** Strings stored back to back, with their boundaries. */
function texts(name: string, values: readonly string[]): Chunk[] {
  const offsets = new Uint32Array(values.length + 1);
  for (let i = 0; i < values.length; i++) offsets[i + 1] = (offsets[i] as number) + (values[i] as string).length;
  const length = offsets[values.length] as number;
  const pieces = function* () {
    for (const value of values) yield Buffer.from(value, 'utf16le');
  };
  return [{ name, kind: 'utf16', length, byteLength: length * 2, pieces }, typed(`${name}.offsets`, offsets)];
}

function diffs(docs: readonly StoredDocument[]): Chunk[] {
  const offsets = new Uint32Array(docs.length + 1);
  docs.forEach((d, i) => (offsets[i + 1] = (offsets[i] as number) + d.bodyDiff.positions.length));
  const total = offsets[docs.length] as number;
  const positions = new Uint32Array(total);
  const units = new Uint16Array(total);
  docs.forEach((d, i) => {
    positions.set(d.bodyDiff.positions, offsets[i]);
    units.set(d.bodyDiff.units, offsets[i]);
  });
  return [typed('diff.offsets', offsets), typed('diff.positions', positions), typed('diff.units', units)];
}

const pad = (n: number) => Math.ceil(n / 8) * 8;

/** The index file's bytes, in order, as pieces. Every document needs its `source` (build with file identities). */
function* serializePieces(index: SearchIndex | StoredIndex, code: string): Generator<Uint8Array> {
  const docs = index.docs.map((d): StoredDocument => {
    if (!d.source)
      throw new IndexFileError(`search index file: document ${'meta' in d ? d.meta.file : '?'} has no file identity`);
    return { source: d.source, foldedTitle: d.foldedTitle, body: d.body, bodyDiff: d.bodyDiff };
  });
  const chunks: Chunk[] = [
    ...texts(
      'titles',
      docs.map((d) => d.foldedTitle),
    ),
    ...texts(
      'bodies',
      docs.map((d) => d.body),
    ),
    ...diffs(docs),
    typed('gram.codes', Uint32Array.from(index.gramKeys.codePoints())),
    typed('gram.keys', Float64Array.from(index.grams.terms())),
    typed('gram.offsets', index.grams.offsets),
    typed('gram.docs', index.grams.docs),
    typed('gram.tfs', index.grams.tfs),
    ...texts('word.terms', [...index.words.terms()]),
    typed('word.offsets', index.words.offsets),
    typed('word.docs', index.words.docs),
    typed('word.tfs', index.words.tfs),
  ];
  const sections: Section[] = [];
  let offset = 0;
  for (const chunk of chunks) {
    sections.push({ name: chunk.name, kind: chunk.kind, offset, length: chunk.length });
    offset += pad(chunk.byteLength);
  }
  const header: Header = {
    version: INDEX_FILE_VERSION,
    code,
    docs: docs.map((d) => [d.source.file, d.source.size, d.source.mtimeMs, d.source.hash]),
    sections,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const head = Buffer.alloc(pad(16 + json.length));
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(INDEX_FILE_VERSION, 8);
  head.writeUInt32LE(json.length, 12);
  json.copy(head, 16);
  yield head;
  for (const chunk of chunks) {
    yield* chunk.pieces();
    const rest = pad(chunk.byteLength) - chunk.byteLength;
    if (rest > 0) yield new Uint8Array(rest);
  }
}

/** The index file's bytes. */
export function serializeIndex(index: SearchIndex | StoredIndex, code = ''): Buffer {
  return Buffer.concat([...serializePieces(index, code)]);
}

/** Writes the file whole or not at all (write, then rename), creating its folder; returns its size. */
export function writeIndexFile(file: string, index: SearchIndex | StoredIndex, code = ''): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temporary, 'w');
  let size = 0;
  try {
    for (const piece of serializePieces(index, code)) {
      for (let at = 0; at < piece.length;) at += fs.writeSync(fd, piece, at, piece.length - at);
      size += piece.length;
    }
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  fs.renameSync(temporary, file);
  return size;
}

const WIDTH: Record<ArrayKind, number> = { u8: 1, u16: 2, u32: 4, f64: 8, utf16: 2 };

/** Reads an index file's bytes; throws IndexFileError naming what is wrong. */
export function deserializeIndex(bytes: Buffer): StoredIndex {
  const started = performance.now();
  if (bytes.length < 16 || bytes.toString('latin1', 0, 8) !== MAGIC)
    throw new IndexFileError('not a search index file');
  const version = bytes.readUInt32LE(8);
  if (version !== INDEX_FILE_VERSION)
    throw new IndexFileError(`search index file version ${version}, this server reads version ${INDEX_FILE_VERSION}`);
  const jsonLength = bytes.readUInt32LE(12);
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', 16, 16 + jsonLength)) as Header;
  } catch {
    throw new IndexFileError('the search index file header is damaged');
  }
  const start = Math.ceil((16 + jsonLength) / 8) * 8;
  const byName = new Map(header.sections.map((s) => [s.name, s]));
  const section = (name: string, kind: ArrayKind): Section => {
    const s = byName.get(name);
    if (!s || s.kind !== kind || start + s.offset + s.length * WIDTH[kind] > bytes.length) {
      throw new IndexFileError(`the search index file's ${name} section is missing or cut short`);
    }
    return s;
  };
  // A copy, not a view: a view would keep the whole file (its texts too, already decoded into strings) in memory.
  const view = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(
    make: { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number },
    s: Section,
  ): T => {
    const copy = new Uint8Array(s.length * make.BYTES_PER_ELEMENT);
    copy.set(bytes.subarray(start + s.offset, start + s.offset + copy.length));
    return new make(copy.buffer, 0, s.length);
  };
  const array = (name: string, kind: 'u8' | 'u16' | 'u32' | 'f64') => {
    const s = section(name, kind);
    return kind === 'u8'
      ? view(Uint8Array, s)
      : kind === 'u16'
        ? view(Uint16Array, s)
        : kind === 'u32'
          ? view(Uint32Array, s)
          : view(Float64Array, s);
  };
  const docArrayOf = (name: string) => {
    const s = byName.get(name);
    return array(name, s?.kind === 'u32' ? 'u32' : 'u16') as Uint16Array | Uint32Array;
  };
  const strings = (name: string): string[] => {
    const s = section(name, 'utf16');
    const offsets = array(`${name}.offsets`, 'u32') as Uint32Array;
    const base = start + s.offset;
    const out: string[] = new Array(offsets.length - 1);
    for (let i = 0; i + 1 < offsets.length; i++)
      out[i] = bytes.toString('utf16le', base + (offsets[i] as number) * 2, base + (offsets[i + 1] as number) * 2);
    return out;
  };

  const n = header.docs.length;
  const titles = strings('titles');
  const bodies = strings('bodies');
  const diffOffsets = array('diff.offsets', 'u32') as Uint32Array;
  const positions = array('diff.positions', 'u32') as Uint32Array;
  const units = array('diff.units', 'u16') as Uint16Array;
  if (titles.length !== n || bodies.length !== n || diffOffsets.length !== n + 1)
    throw new IndexFileError('the search index file does not hold as many texts as documents');
  const docs = header.docs.map(([file, size, mtimeMs, hash], i): StoredDocument => {
    const from = diffOffsets[i] as number;
    const to = diffOffsets[i + 1] as number;
    const bodyDiff: FoldDiff = { positions: positions.subarray(from, to), units: units.subarray(from, to) };
    return {
      source: { file, size, mtimeMs, hash },
      foldedTitle: titles[i] as string,
      body: bodies[i] as string,
      bodyDiff,
    };
  });
  const grams = FrozenPostings.fromArrays(
    [...(array('gram.keys', 'f64') as Float64Array)],
    array('gram.offsets', 'u32') as Uint32Array,
    docArrayOf('gram.docs'),
    array('gram.tfs', 'u8') as Uint8Array,
  );
  const words = FrozenPostings.fromArrays(
    strings('word.terms'),
    array('word.offsets', 'u32') as Uint32Array,
    docArrayOf('word.docs'),
    array('word.tfs', 'u8') as Uint8Array,
  );
  for (const { docs: list } of [grams, words]) {
    for (let i = 0; i < list.length; i++)
      if ((list[i] as number) >= n) throw new IndexFileError('the search index file names a document it does not hold');
  }
  return {
    docs,
    grams,
    gramKeys: GramKeys.from(array('gram.codes', 'u32') as Uint32Array),
    words,
    latinWords: latinWordsOf(words),
    buildMs: performance.now() - started,
    code: typeof header.code === 'string' ? header.code : '',
  };
}

/** The index in `file`; throws (ENOENT for a missing file, IndexFileError for a bad one). */
export function readIndexFile(file: string): StoredIndex {
  return deserializeIndex(fs.readFileSync(/*turbopackIgnore: true*/ file));
}
