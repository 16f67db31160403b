// Sharing an article's address: the system share sheet where the browser has one, else the clipboard, else a
// select-and-copy. The browser's pieces come in as arguments, so the order of attempts is tested without one.

export type ShareTarget = { url: string; title: string };

export type ShareOutcome =
  /** The share sheet finished (the reader picked an app). */
  | 'shared'
  /** The reader closed the share sheet: nothing to say. */
  | 'cancelled'
  /** The address is on the clipboard. */
  | 'copied'
  /** Nothing worked: show the address so it can be copied by hand. */
  | 'failed';

export type ShareMethods = {
  share?: (data: ShareTarget) => Promise<void>;
  canShare?: (data: ShareTarget) => boolean;
  writeText?: (text: string) => Promise<void>;
  /** The pre-Clipboard-API way (select a hidden field, `execCommand('copy')`): true when it copied. */
  copyBySelection?: (text: string) => boolean;
};

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

export async function shareLink(target: ShareTarget, methods: ShareMethods): Promise<ShareOutcome> {
  if (methods.share && (methods.canShare?.(target) ?? true)) {
    try {
      await methods.share(target);
      return 'shared';
    } catch (error) {
      if (isAbort(error)) return 'cancelled';
      // NotAllowedError (no user activation, a policy) or a share target failing: copying still helps.
    }
  }
  if (methods.writeText) {
    try {
      await methods.writeText(target.url);
      return 'copied';
    } catch {
      // Permission refused or an insecure origin (plain http): try the older way.
    }
  }
  try {
    if (methods.copyBySelection?.(target.url)) return 'copied';
  } catch {
    // Some browsers throw instead of returning false.
  }
  return 'failed';
}
