import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { ReadingSettingsScript } from '@/components/layout/reading-settings-script';
import { getConfig } from '@/lib/config';
import { THEME_COLORS } from '@/lib/reading/settings';
import { alternates } from '@/lib/site/alternates';
import './globals.css';

export function generateMetadata(): Metadata {
  const { siteName, siteDescription, siteUrl } = getConfig();
  return {
    metadataBase: new URL(siteUrl),
    title: { default: siteName, template: `%s · ${siteName}` },
    description: siteDescription,
    openGraph: { siteName, locale: 'zh_CN', type: 'website' },
    alternates: alternates(),
    formatDetection: { telephone: false },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    // For readers who follow the system; a chosen theme rewrites these (components/layout/reading-settings.tsx).
    { media: '(prefers-color-scheme: light)', color: THEME_COLORS.light },
    { media: '(prefers-color-scheme: dark)', color: THEME_COLORS.dark },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // data-scroll-behavior: Next turns the CSS smooth scrolling off while it changes pages, so a new page
    // starts at its top at once (and a restored reading place is not undone by a late animation).
    <html lang="zh-CN" data-scroll-behavior="smooth" suppressHydrationWarning>
      <head>
        <ReadingSettingsScript />
      </head>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-accent px-4 py-2 text-accent-fg focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
        >
          跳到正文
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
