import { IntentLink } from '@/components/layout/intent-link';
import { getConfig } from '@/lib/config';
import { SearchBox } from '../search/search-box';
import { ReadingSettingsControl } from './reading-settings';
import { UserMenu } from '../account/user-menu';

// On phones only the first two fit beside the search, reading-settings and account buttons; the footer links all.
const NAV = [
  { href: '/', label: '首页', phone: true },
  { href: '/categories', label: '分类', phone: true },
  { href: '/authors', label: '作者', phone: false },
  { href: '/archive', label: '归档', phone: false },
] as const;

export function SiteHeader() {
  const { siteName } = getConfig();
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-bg/90 backdrop-blur supports-[backdrop-filter]:bg-bg/75 print:hidden">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:gap-6">
        <IntentLink href="/" className="shrink-0 text-lg font-bold tracking-wide text-fg no-underline">
          <span aria-hidden="true" className="mr-1 inline-block rounded bg-accent px-1.5 text-accent-fg">
            胡
          </span>
          {siteName}
        </IntentLink>
        <nav aria-label="主导航" className="min-w-0 flex-1">
          <ul className="flex items-center gap-1 text-[0.95rem] sm:gap-2">
            {NAV.map((item) => (
              <li key={item.href} className={item.phone ? undefined : 'hidden sm:block'}>
                <IntentLink
                  href={item.href}
                  className="rounded-md px-2 py-1.5 whitespace-nowrap text-muted hover:bg-surface hover:text-fg"
                >
                  {item.label}
                </IntentLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex shrink-0 items-center gap-1">
          <SearchBox />
          <ReadingSettingsControl />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
