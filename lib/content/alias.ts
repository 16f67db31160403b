// Old addresses (Hexo permalinks and abbrlinks) as the index stores and looks them up.

/** An old address as compared: decoded once, NFC, without a trailing slash. */
export function aliasKey(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Compared as written.
  }
  return decoded.normalize('NFC').replace(/\/+$/, '') || '/';
}
