// The share card for articles with no picture of their own (the page's metadata names the picture when
// there is one, which takes precedence over this file). No CJK glyphs: see lib/feeds/og-card.ts.
// Next loads this module with every article page it renders (for the card's size and type), so it reads
// the index as the page does (site.ts): never through the compiler's module.
import { ImageResponse } from 'next/og';
import { getConfig } from '@/lib/config';
import { siteIndex } from '@/lib/content/site';
import { OG_COLUMNS, ogCard, type OgCard } from '@/lib/feeds/og-card';
import { routeParam } from '@/lib/site/route-params';
import { shareImage } from '@/lib/site/structured-data';

export const alt = '文章封面';
export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';

/** Prerender the cards that will actually be shared: prerendered articles without a picture. */
export async function generateStaticParams() {
  const { prerenderArticles } = getConfig();
  return (await siteIndex())
    .latest(prerenderArticles)
    .filter((a) => shareImage(a) === null)
    .map((a) => ({ slug: a.slug }));
}

const TILE = 118;

function Tile({ tile }: { tile: OgCard['tiles'][number] }) {
  const common = {
    width: TILE - 14,
    height: TILE - 14,
    background: tile.color,
    transform: `rotate(${tile.rotate}deg)`,
  };
  const shape =
    tile.shape === 'blank' ? null : tile.shape === 'circle' ? (
      <div style={{ ...common, borderRadius: '50%' }} />
    ) : tile.shape === 'arch' ? (
      <div style={{ ...common, borderTopLeftRadius: (TILE - 14) / 2, borderTopRightRadius: (TILE - 14) / 2 }} />
    ) : tile.shape === 'quarter' ? (
      <div style={{ ...common, borderTopLeftRadius: TILE - 14 }} />
    ) : (
      <div style={{ ...common, width: (TILE - 14) * 0.7, height: (TILE - 14) * 0.7 }} />
    );
  return (
    <div style={{ width: TILE, height: TILE, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      {shape}
    </div>
  );
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const meta = (await siteIndex()).getMeta(routeParam((await params).slug, 'route'));
  if (!meta) return new Response('Not found', { status: 404 });
  const card = ogCard(meta.slug, meta.date);
  const rows: OgCard['tiles'][] = [];
  for (let i = 0; i < card.tiles.length; i += OG_COLUMNS) rows.push(card.tiles.slice(i, i + OG_COLUMNS));

  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', background: card.paper, color: card.ink }}>
      <div style={{ display: 'flex', flexDirection: 'column', padding: '79px 0 79px 64px' }}>
        {rows.map((row, r) => (
          <div key={r} style={{ display: 'flex' }}>
            {row.map((tile, c) => (
              <Tile key={c} tile={tile} />
            ))}
          </div>
        ))}
      </div>
      <div
        style={{
          flex: 1,
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: '80px 64px 80px 40px',
          borderLeft: `6px solid ${card.accent}`,
          marginLeft: 40,
        }}
      >
        <div style={{ width: 72, height: 72, background: card.accent, borderRadius: 10 }} />
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          <div style={{ fontSize: 52, letterSpacing: 2 }}>{card.date}</div>
          <div style={{ fontSize: 30, marginTop: 18, color: '#5f5b55' }}>{card.host}</div>
        </div>
      </div>
    </div>,
    size,
  );
}
