import { IntentLink } from '@/components/layout/intent-link';
import { getConfig } from '@/lib/config';

export function SiteFooter() {
  const { siteName, siteDescription } = getConfig();
  return (
    <footer className="mt-16 border-t border-line print:hidden">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-muted sm:flex-row sm:items-center sm:justify-between">
        <p>
          <span className="font-semibold text-fg">{siteName}</span> · {siteDescription}
        </p>
        <nav aria-label="页脚导航">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            <li>
              <IntentLink href="/categories" className="hover:text-fg">
                全部分类
              </IntentLink>
            </li>
            <li>
              <IntentLink href="/authors" className="hover:text-fg">
                全部作者
              </IntentLink>
            </li>
            <li>
              <IntentLink href="/archive" className="hover:text-fg">
                归档
              </IntentLink>
            </li>
            <li>
              <a href="/feed.xml" className="hover:text-fg">
                RSS 订阅
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
