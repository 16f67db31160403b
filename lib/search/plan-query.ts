// What a reader's query asks for: whitespace-separated parts, each an exact phrase made of units
// (jieba words of its CJK runs, Latin words) that must all appear somewhere for a document to match.
import { foldText } from './fold';
import { characters, scanRuns, segmentRun } from './tokenize';

export type QueryUnit = {
  /** Folded text of the unit. */
  text: string;
  kind: 'cjk' | 'word';
  /** The last Latin word of a query still being typed also matches words it begins. */
  prefix: boolean;
};

export type QueryPart = {
  /** Folded text of the part from its first to its last letter: the exact phrase. */
  phrase: string;
  units: QueryUnit[];
};

export type QueryPlan = {
  /** The query as searched: trimmed, single-spaced, at most MAX_QUERY_LENGTH characters. */
  text: string;
  parts: QueryPart[];
  /** Every distinct unit of every part. */
  units: QueryUnit[];
};

export const MAX_QUERY_LENGTH = 64;
const MAX_UNITS = 12;

/** Single-character function words that carry no meaning next to real words (微信的外链 → 微信, 外链). */
const STOP_CHARS = new Set([
  '的',
  '了',
  '在',
  '是',
  '和',
  '与',
  '及',
  '或',
  '也',
  '都',
  '就',
  '而',
  '之',
  '把',
  '被',
  '对',
  '着',
  '得',
  '地',
  '吗',
  '呢',
  '啊',
]);

/**
 * Jieba tokens of a CJK run → units. Jieba's dictionary predates much of the web's vocabulary (it cuts
 * 小程序 as 小 + 程序), so a stray single character sticks to its neighbouring word, a run of single
 * characters stays together (联互 is asked for as 联互, not 联 + 互), and a lone function word between
 * real words is dropped (微信的外链 → 微信, 外链).
 */
function cjkUnits(run: string): string[] {
  const tokens = segmentRun(run);
  const hasWords = tokens.some((t) => characters(t).length > 1);
  const units: string[] = [];
  let pending = '';
  let lastAdjacent = false;
  const flushPending = () => {
    if (!pending) return;
    if (lastAdjacent && units.length > 0) units[units.length - 1] += pending;
    else units.push(pending);
    pending = '';
  };
  for (const token of tokens) {
    const single = characters(token).length === 1;
    if (single && hasWords && STOP_CHARS.has(token)) {
      flushPending();
      lastAdjacent = false;
    } else if (single) {
      pending += token;
    } else {
      units.push(pending + token);
      pending = '';
      lastAdjacent = true;
    }
  }
  flushPending();
  return units;
}

export function planQuery(raw: string): QueryPlan {
  const text = raw.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH).trim();
  const folded = foldText(text);
  const typingLastWord = text.length > 0 && !/\s$/.test(raw);
  const parts: QueryPart[] = [];
  const seen = new Set<string>();
  const units: QueryUnit[] = [];
  const pieces = folded.split(' ').filter(Boolean);

  pieces.forEach((piece, pieceIndex) => {
    const runs = scanRuns(piece);
    if (runs.length === 0) return;
    const partUnits: QueryUnit[] = [];
    runs.forEach((run, runIndex) => {
      const runText = piece.slice(run.start, run.end);
      const isLast = pieceIndex === pieces.length - 1 && runIndex === runs.length - 1;
      const texts = run.kind === 'cjk' ? cjkUnits(runText) : [runText];
      for (const unitText of texts) {
        const unit: QueryUnit = {
          text: unitText,
          kind: run.kind,
          prefix: run.kind === 'word' && isLast && typingLastWord && unitText.length >= 2,
        };
        partUnits.push(unit);
        if (!seen.has(unitText) && units.length < MAX_UNITS) {
          seen.add(unitText);
          units.push(unit);
        }
      }
    });
    const first = runs[0] as (typeof runs)[number];
    const last = runs[runs.length - 1] as (typeof runs)[number];
    parts.push({ phrase: piece.slice(first.start, last.end), units: partUnits.filter((u) => seen.has(u.text)) });
  });

  return { text, parts, units };
}
