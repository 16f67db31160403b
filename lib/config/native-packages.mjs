// Packages with native or WebAssembly code: required from node_modules where they are, never copied into a
// bundle — by Next's server bundles (next.config.mjs, serverExternalPackages) and by the build's bundle
// of the index step (scripts/build.mjs). Plain JavaScript so both can import it before anything is compiled.
export const NATIVE_PACKAGES = ['@electric-sql/pglite', '@node-rs/argon2', '@node-rs/jieba', 'pg', 'better-sqlite3'];
