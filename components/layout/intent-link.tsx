'use client';
// A link that prefetches when the reader reaches for it (pointer over it, finger on it, keyboard focus),
// not when it scrolls into view. A listing shows a dozen cards with four links each: viewport prefetching
// fetched ~25 route payloads (~120 KB) and parsed them on the main thread right after every listing load,
// on phones too, for pages the reader mostly never opens. Reaching for a link still gives the click a
// head start of 100–300 ms, which is most of a prefetch's benefit on a static page.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';

/** The App Router, or null where there is none (a component rendered on its own, as unit tests do). */
function useOptionalRouter(): ReturnType<typeof useRouter> | null {
  try {
    return useRouter();
  } catch {
    return null;
  }
}

type Props = Omit<ComponentProps<typeof Link>, 'href' | 'prefetch'> & { href: string };

export function IntentLink({ href, onPointerEnter, onTouchStart, onFocus, ...props }: Props) {
  const router = useOptionalRouter();
  // The router keeps what it has prefetched and ignores a repeat; only our own pages are prefetched.
  const reach = () => {
    if (router && href.startsWith('/') && !href.startsWith('//')) router.prefetch(href);
  };
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onPointerEnter={(event) => {
        reach();
        onPointerEnter?.(event);
      }}
      onTouchStart={(event) => {
        reach();
        onTouchStart?.(event);
      }}
      onFocus={(event) => {
        reach();
        onFocus?.(event);
      }}
    />
  );
}
