// The records the content layer hands to pages: one shape for every article, drafts included.
import type { BodyFormat } from '@/lib/render/body-format';
import type { ArticleAnalysis } from '@/lib/render/types';

export type ArticleMeta = {
  /** URL segment, already normalized (see slug.ts); pages must encodeURIComponent it in links. */
  slug: string;
  title: string;
  /** Publication instant as an ISO-8601 UTC string (serializable across the RSC boundary). */
  date: string;
  categories: string[];
  tags: string[];
  /** null when the file names none; pages show a fallback. */
  author: string | null;
  /** Only http(s): or site-relative URLs survive validation; anything else becomes null. */
  headimg: string | null;
  thumbnail: string | null;
  comments: boolean;
  draft: boolean;
  /** When the article was last changed, if its front matter says (`updated`, `last_modified_at`): 更新于. */
  updated: string | null;
  /** The body's language, decided once when the file is read (see lib/render/body-format.ts). */
  format: BodyFormat;
  /** Earlier addresses of the article (Hexo's permalink and abbrlink forms) that redirect to it. */
  aliases: string[];
  /** Path of the source file relative to the content folder, with forward slashes. */
  file: string;
} & ArticleAnalysis;

export type Article = ArticleMeta & { /** The raw body (untrusted), in `format`. */ body: string };

export type ContentProblem = {
  /** Path relative to the content folder. */
  file: string;
  /** Front-matter field at fault, or null for file-level problems (unreadable, bad YAML, empty body, slug clash). */
  field: string | null;
  reason: string;
  /** true when the file was left out because of this problem; false for a warning (a dropped bad URL, say). */
  excluded: boolean;
};
