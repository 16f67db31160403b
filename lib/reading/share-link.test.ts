import { describe, expect, it, vi } from 'vitest';
import { shareLink, type ShareTarget } from './share-link';

const target: ShareTarget = { url: 'https://hutong.example/articles/%E8%83%A1%E5%90%8C', title: '胡同里的早晨' };

function domError(name: string): Error {
  const error = new Error(name);
  error.name = name;
  return error;
}

describe('shareLink', () => {
  it('uses the share sheet when there is one, with the title and the address, and copies nothing', async () => {
    const share = vi.fn(async () => {});
    const writeText = vi.fn(async () => {});
    expect(await shareLink(target, { share, writeText })).toBe('shared');
    expect(share).toHaveBeenCalledWith(target);
    expect(writeText).not.toHaveBeenCalled();
  });

  it('says nothing more when the reader closes the share sheet', async () => {
    const writeText = vi.fn(async () => {});
    const share = vi.fn(async () => Promise.reject(domError('AbortError')));
    expect(await shareLink(target, { share, writeText })).toBe('cancelled');
    expect(writeText).not.toHaveBeenCalled();
  });

  it('copies instead when the share sheet is refused or cannot take this data', async () => {
    const writeText = vi.fn(async () => {});
    const refused = vi.fn(async () => Promise.reject(domError('NotAllowedError')));
    expect(await shareLink(target, { share: refused, writeText })).toBe('copied');
    expect(writeText).toHaveBeenCalledWith(target.url);

    const share = vi.fn(async () => {});
    expect(await shareLink(target, { share, canShare: () => false, writeText })).toBe('copied');
    expect(share).not.toHaveBeenCalled();
  });

  it('copies the address to the clipboard without a share sheet', async () => {
    const writeText = vi.fn(async () => {});
    const copyBySelection = vi.fn(() => true);
    expect(await shareLink(target, { writeText, copyBySelection })).toBe('copied');
    expect(writeText).toHaveBeenCalledWith(target.url);
    expect(copyBySelection).not.toHaveBeenCalled();
  });

  it('falls back to select-and-copy when the Clipboard API is missing or refuses', async () => {
    const copyBySelection = vi.fn(() => true);
    expect(await shareLink(target, { copyBySelection })).toBe('copied');
    const writeText = vi.fn(async () => Promise.reject(domError('NotAllowedError')));
    expect(await shareLink(target, { writeText, copyBySelection })).toBe('copied');
    expect(copyBySelection).toHaveBeenLastCalledWith(target.url);
  });

  it('reports failure when nothing can copy, so the page can show the address instead', async () => {
    expect(await shareLink(target, {})).toBe('failed');
    expect(await shareLink(target, { copyBySelection: () => false })).toBe('failed');
    expect(
      await shareLink(target, {
        copyBySelection: () => {
          throw domError('SecurityError');
        },
      }),
    ).toBe('failed');
  });
});
