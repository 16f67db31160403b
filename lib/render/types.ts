// What the renderer learns about a body in the same pass that renders it.
export type TocEntry = { id: string; text: string };

export type ImageInfo = { src: string; width: number | null; height: number | null; alt: string };

export type ArticleAnalysis = {
  toc: TocEntry[];
  /** Plain text, at most ~140 characters, from the first real paragraphs (not source remarks or captions). */
  excerpt: string;
  /** Readable characters in the body (CJK characters + Latin words). */
  charCount: number;
  /** Whole minutes, at least 1, at ~400 CJK characters a minute. */
  readingMinutes: number;
  firstImage: ImageInfo | null;
};
