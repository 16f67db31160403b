// The JSON the readers' API routes answer, shared by the routes (app/api/) and the client islands that
// read them (components/account/reader-state.ts), so neither imports the other.
import type { Highlight } from './highlights';
import type { ContinueReadingItem } from './reading-history';

export type { Highlight };

/** GET /api/bookmarks/state */
export type BookmarkStateResponse = {
  user: { name: string | null; email: string; editor: boolean } | null;
  bookmarked: string[];
  /** Which of the saved ones are 已读 (the others are 稍后读). */
  read?: string[];
  /** Of the `follow=kind:name` asked about, those the reader follows. */
  following?: string[];
  /** With `follows=1`: how many followed articles are new since the reader last looked (capped at 100). */
  followingNew?: number;
  /** Only when asked for with `history=1`: the newest still-published articles the reader opened. */
  history?: ContinueReadingItem[];
  /** Only when asked for with `highlights=<slug>`: the reader's highlights and note on that article. */
  highlights?: Highlight[];
};

/** POST /api/bookmarks */
export type BookmarkWriteResponse =
  { slug: string; bookmarked: boolean } | { error: 'signed_out'; signInUrl: string } | { error: string };

/** POST /api/reading-history */
export type ReadingHistoryWriteResponse = { slug: string; recorded: boolean } | { error: string; message: string };

/** POST /api/highlights, PATCH /api/highlights/<id> */
export type HighlightWriteResponse = { highlight: Highlight } | { error: string; message: string };

/** PUT /api/highlights/note: null once the note is emptied. */
export type ArticleNoteWriteResponse = { note: Highlight | null } | { error: string; message: string };

/** POST /api/bookmarks/read */
export type ReadStateWriteResponse = { slug: string; state: 'later' | 'read' } | { error: string; message: string };

export type CollectionSummary = { id: string; name: string; count: number; createdAt: string };

/** GET /api/collections[?slug=…] */
export type CollectionsResponse = { collections: (CollectionSummary & { member: boolean })[] };

/** POST /api/collections */
export type CollectionWriteResponse = { collection: CollectionSummary } | { error: string; message: string };

/** POST /api/follows */
export type FollowWriteResponse =
  { kind: string; name: string; following: boolean } | { error: string; message: string };
