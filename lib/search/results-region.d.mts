// Types for lib/search/results-region.mjs (plain JavaScript so npm start's server can import it).
export declare const RESULTS_REGION_ID: string;
export declare const QUERY_INPUT_ATTRIBUTE: string;
export declare const RESULTS_START: string;
export declare const RESULTS_END: string;
export declare function spliceResults(
  shell: string,
  results: { html: string; address: string; title: string; query?: string },
): string | null;
