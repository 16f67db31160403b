'use client';
// Where 稍后读 / 已读 and 收藏夹 appear on an article page: their code loads only once the page's state request says
// the reader has saved the article, so a visitor's page carries none of it.
import { lazy, Suspense, useSyncExternalStore } from 'react';
import { getServerSnapshot, getSnapshot, subscribe } from './reader-state';

const SavedOptions = lazy(() => import('./saved-options'));

export function SavedOptionsSlot(props: { slug: string; title: string; endId: string }) {
  const state = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  const saved = state.user !== null && state.saved.get(props.slug) === true;
  return saved ? (
    <Suspense fallback={null}>
      <SavedOptions {...props} />
    </Suspense>
  ) : null;
}
