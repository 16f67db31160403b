// Turns file names and `slug:` fields into URL segments that work in every link, CJK kept as is.

// URL-reserved (RFC 3986 gen- and sub-delims), unsafe for paths (space, quotes, brackets,
// backslash, caret, backtick, pipe) or invisible (controls, unpaired surrogates that
// encodeURIComponent would throw on).
const TO_DASH = /[\s/?#[\]@!$&'()*+,;=%"<>\\^`{|}:\p{Cc}\p{Zl}\p{Zp}\p{Cs}]/gu;
// Zero-width and bidi marks would make two slugs that look the same differ; they go entirely.
const INVISIBLE = /\p{Cf}/gu;

/**
 * The normalized URL segment for `name`, or null when nothing usable is left
 * ("???" or "..."): NFC, ASCII letters lower-cased, reserved characters and whitespace
 * turned into single dashes, leading and trailing dashes and dots trimmed.
 */
export function slugify(name: string): string | null {
  const slug = name
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(TO_DASH, '-')
    .replace(/[A-Z]+/g, (s) => s.toLowerCase())
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return slug === '' ? null : slug;
}
