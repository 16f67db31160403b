'use client';
// Last resort when the root layout itself fails: plain markup, no site chrome, still in Chinese.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body
        style={{
          fontFamily: 'PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif',
          padding: '4rem 1rem',
          maxWidth: '40rem',
          margin: '0 auto',
          lineHeight: 1.7,
        }}
      >
        <h1>页面暂时打不开</h1>
        <p>服务器遇到了问题，请稍后再试。</p>
        {error.digest ? <p style={{ fontSize: '0.8rem', color: '#666' }}>错误编号：{error.digest}</p> : null}
        <button type="button" onClick={reset}>
          重试
        </button>{' '}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the router may be what failed; a full load is the safe way home */}
        <a href="/">回到首页</a>
      </body>
    </html>
  );
}
