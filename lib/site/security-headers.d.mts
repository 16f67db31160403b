// Types for lib/site/security-headers.mjs (plain JavaScript so next.config.mjs can import it), for its tests.
export declare function contentSecurityPolicy(
  env: Record<string, string | undefined>,
  options: { dev: boolean },
): string;
export declare function securityHeaders(
  env: Record<string, string | undefined>,
  options: { dev: boolean },
): { key: string; value: string }[];
