// The browser the benches drive: CHROMIUM_PATH (as the e2e tests), CHROME_PATH (chrome-launcher's own),
// Debian's Chromium; undefined lets the launcher search for one.
import fs from 'node:fs';

export function chromiumPath(): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ];
  return candidates.find((p): p is string => Boolean(p) && fs.existsSync(p as string));
}
