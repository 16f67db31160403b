// Writing XML by hand safely: escaping, CDATA that cannot be closed early, and no characters XML 1.0 forbids.

// Control characters other than tab/newline/return, U+FFFE/U+FFFF, and unpaired surrogates are not XML
// at all; a scraped body can carry any of them, and one of them makes a reader reject the whole feed.
const INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID, '');
}

/** Text for an element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A CDATA section; a `]]>` inside is split across two sections so it cannot end the first one early. */
export function cdata(text: string): string {
  return `<![CDATA[${stripInvalidXmlChars(text).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** `<name attr="…">escaped text</name>`; nothing when `text` is null or undefined. */
export function element(
  name: string,
  text: string | null | undefined,
  attributes: Record<string, string> = {},
): string {
  if (text === null || text === undefined) return '';
  return `<${name}${attributesOf(attributes)}>${escapeXml(text)}</${name}>`;
}

export function attributesOf(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
}
