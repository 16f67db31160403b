// Dynamic segments can reach a page still percent-encoded (CJK slugs, names with spaces), depending on
// how the request arrived; decode exactly once and never throw on a malformed sequence.
export function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment.normalize('NFC');
  try {
    return decodeURIComponent(segment).normalize('NFC');
  } catch {
    return segment;
  }
}
