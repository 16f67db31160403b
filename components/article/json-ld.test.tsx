import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { JsonLd } from './json-ld';

describe('JsonLd', () => {
  it('emits one ld+json script whose content cannot close it early', () => {
    const html = renderToStaticMarkup(<JsonLd data={{ headline: '标题</script><script>alert(1)</script>' }} />);
    expect(html.startsWith('<script type="application/ld+json">')).toBe(true);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    const json = html.slice('<script type="application/ld+json">'.length, -'</script>'.length);
    expect(JSON.parse(json)).toEqual({ headline: '标题</script><script>alert(1)</script>' });
  });
});
