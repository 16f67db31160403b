// GET /api/highlights/export?format=md|json[&slug=…]: the signed-in reader's highlights and notes as a download —
// Markdown (one file per article, zipped; a single .md for one article) or JSON with every selector.
import { getCurrentUser } from '@/lib/accounts/auth';
import { isValidSlug } from '@/lib/accounts/bookmarks';
import { allHighlights, highlightsOf } from '@/lib/accounts/highlights';
import {
  articleMarkdown,
  groupByArticle,
  highlightsJson,
  markdownFileName,
  markdownZip,
} from '@/lib/accounts/highlights-export';
import { highlightArticleRef } from '@/lib/accounts/highlight-articles';
import { refuse } from '@/lib/accounts/api-route';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';

function download(body: BodyInit, type: string, filename: string): Response {
  // RFC 6266: an ASCII fallback name and the real (Chinese) one.
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new Response(body, {
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'private, no-store',
    },
  });
}

export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const format = params.get('format') ?? 'json';
  if (format !== 'md' && format !== 'json') return refuse(400, 'bad_request', 'format 只能是 md 或 json');
  const slug = params.get('slug');
  if (slug !== null && !isValidSlug(slug)) return refuse(400, 'bad_request', '文章地址无效');
  const user = await getCurrentUser();
  if (!user) {
    return new Response(null, {
      status: 303,
      headers: { Location: '/signin?callbackUrl=%2Fhighlights', 'Cache-Control': 'private, no-store' },
    });
  }
  const db = await getDb();
  const rows = slug ? await highlightsOf(db, user.id, slug) : await allHighlights(db, user.id);
  const groups = groupByArticle(rows, highlightArticleRef);
  const exportedAt = new Date();
  const day = exportedAt.toISOString().slice(0, 10);
  if (format === 'json') {
    const body = {
      site: getConfig().siteName,
      account: user.email,
      exportedAt: exportedAt.toISOString(),
      articles: highlightsJson(groups),
    };
    return download(
      JSON.stringify(body, null, 2) + '\n',
      'application/json; charset=utf-8',
      `hutong-highlights-${day}.json`,
    );
  }
  if (slug) {
    const group = groups[0];
    if (!group) return refuse(404, 'not_found', '这篇文章还没有划线或笔记');
    return download(
      articleMarkdown(group, exportedAt),
      'text/markdown; charset=utf-8',
      markdownFileName(group, new Set()),
    );
  }
  return download(Buffer.from(markdownZip(groups, exportedAt)), 'application/zip', `hutong-highlights-${day}.zip`);
}
