import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { cdata, element, escapeXml } from './xml';

const parse = (xml: string) => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser().parse(xml);
};

describe('xml helpers', () => {
  it('escape markup and drop characters XML forbids, keeping real CJK and astral characters', () => {
    expect(escapeXml(`<a href="x">R&D's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;R&amp;D&apos;s&lt;/a&gt;');
    const hostile = `标题\u0001\u000b\uFFFE 𠀋 \uD800 end`;
    expect(parse(element('t', hostile)).t).toBe('标题 𠀋  end');
  });

  it('keep "]]>" inside CDATA from closing it early', () => {
    const text = '<p>a[b[c]]> 和 ]]]]> 都在</p>';
    expect(parse(`<t>${cdata(text)}</t>`).t).toBe(text);
  });
});
