'use client';
// Tells the server that 我的关注 was looked at (as it stood when rendered), once the page is on screen, and clears
// the header's count. A prefetch of the page never runs this, so it cannot mark anything seen.
import { useEffect } from 'react';
import { setFollowingNew } from './reader-state';

export function FollowingSeen({ at }: { at: string }) {
  useEffect(() => {
    void fetch('/api/follows/seen', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ at }),
      credentials: 'same-origin',
    }).then((res) => {
      if (res.ok) setFollowingNew(0);
    });
  }, [at]);
  return null;
}
