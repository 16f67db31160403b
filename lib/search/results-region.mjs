// Where /search keeps its results in its HTML, for the one putting a query's results into the page's shell
// (server/search-include.mjs) and the region that shows them (components/search/search-results-region.tsx).
// Plain JavaScript: `npm start`'s server runs before anything is compiled.

/** The id of the element around the results. */
export const RESULTS_REGION_ID = 'search-results';
/** The attribute of the search page's own query box. */
export const QUERY_INPUT_ATTRIBUTE = 'data-page-query';
/** Comments around the results' HTML inside it. */
export const RESULTS_START = '<!--hutong:results-->';
export const RESULTS_END = '<!--/hutong:results-->';

/** @param {string} text */
const escapeText = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** @param {string} text */
const escapeAttribute = (text) => escapeText(text).replace(/"/g, '&quot;');

/**
 * The page `shell` (/search rendered without a query) with one query's results in its region: the results'
 * HTML between the markers, the region's data-address and data-title, the document's <title>, and the
 * query in the page's search box. Null when the shell is not what this expects (no region, markers or
 * title), so the caller renders the page instead.
 * @param {string} shell
 * @param {{ html: string, address: string, title: string, query?: string }} results
 * @returns {string | null}
 */
export function spliceResults(shell, { html, address, title, query = '' }) {
  const region = shell.indexOf(`<div id="${RESULTS_REGION_ID}"`);
  const tagEnd = region === -1 ? -1 : shell.indexOf('>', region);
  const start = tagEnd === -1 ? -1 : shell.indexOf(RESULTS_START, tagEnd);
  const end = start === -1 ? -1 : shell.indexOf(RESULTS_END, start);
  const titleStart = shell.indexOf('<title>');
  const titleEnd = titleStart === -1 ? -1 : shell.indexOf('</title>', titleStart);
  if (end === -1 || titleEnd === -1 || titleEnd > region) return null;
  const openTag = shell
    .slice(region, tagEnd)
    .replace(/ data-address="[^"]*"/, ` data-address="${escapeAttribute(address)}"`)
    .replace(/ data-title="[^"]*"/, ` data-title="${escapeAttribute(title)}"`);
  // The box shows the query as typed, as the rendered page does (without a script to fill it in).
  const box = shell.indexOf(` ${QUERY_INPUT_ATTRIBUTE}=""`, titleEnd);
  const boxStart = box === -1 || box > region ? -1 : shell.lastIndexOf('<input', box);
  const boxEnd = boxStart === -1 ? -1 : shell.indexOf('>', box);
  const beforeRegion =
    boxEnd === -1
      ? shell.slice(titleEnd, region)
      : shell.slice(titleEnd, boxStart) +
        shell.slice(boxStart, boxEnd).replace(/ value="[^"]*"/, ` value="${escapeAttribute(query)}"`) +
        shell.slice(boxEnd, region);
  return (
    shell.slice(0, titleStart + '<title>'.length) +
    escapeText(title) +
    beforeRegion +
    openTag +
    shell.slice(tagEnd, start + RESULTS_START.length) +
    html +
    shell.slice(end)
  );
}
