// Types for lib/render/embed-hosts.mjs (plain JavaScript so next.config.mjs can import it).
export type EmbedHost = { host: string; name: string; rewrite?: string };
export declare const EMBED_HOSTS: readonly EmbedHost[];
export declare function embedOrigins(): string[];
export declare function embedSource(raw: unknown): { src: string; name: string } | null;
