// The one place a dynamic route segment is turned back into the name it stands for. Next 16 hands the
// same segment to different entry points in different forms, so each says where its value came from:
// - a page's `params`: the value percent-encoded once more (Next's documented form: `encodeURIComponent`
//   of the matched value), so it is decoded exactly once here;
// - `generateMetadata` and route handlers (feeds, Open Graph images): the value already decoded
//   (vercel/next.js#95343, a 16.2 regression in metadata; route handlers always worked this way), so it
//   is taken as is;
// - the proxy: the raw request path, percent-encoded as it arrived, decoded exactly once.
// Decoding a name that itself contains "%" twice turns `a%2Fb` into `a/b`: the bug this module exists to
// prevent (e2e/reading.spec.ts checks a category named with "%" end to end).

export type ParamSource = 'page' | 'metadata' | 'route' | 'path';

/** The name a segment stands for, NFC-normalized like every name in the content index. */
export function routeParam(segment: string, from: ParamSource): string {
  if (from === 'metadata' || from === 'route') return segment.normalize('NFC');
  try {
    return decodeURIComponent(segment).normalize('NFC');
  } catch {
    // Only a hand-typed path can be malformed (the front door answers those with 400 before Next); as
    // a name it matches nothing, so the caller answers 404.
    return segment.normalize('NFC');
  }
}
