// `npm start` (package.json): server/start.mjs's main(), from the build's bundle of it when that matches the
// sources (server/bundle.cjs: a fresh server answers ~20–40 ms sooner than through the ES module graph), else from
// the sources. `node server/start.mjs` runs the sources directly and does the same.
// CommonJS, so that nothing goes through Node's ES module loader before the server runs.
'use strict';
const { bundleFile, freshBundle } = require('./bundle.cjs');

const cwd = process.cwd();
// .env first, as start.mjs does: NEXT_DIST_DIR may be set there (loaded once; start.mjs's call reuses it).
require('@next/env').loadEnvConfig(cwd, false);
const bundle = freshBundle(bundleFile(cwd, process.env.NEXT_DIST_DIR || '.next'));

/** @type {Promise<{ main: () => Promise<void> }>} */
const start = bundle ? Promise.resolve().then(() => require(bundle)) : import('./start.mjs');
start
  .then((code) => code.main())
  .catch((error) => {
    console.error('[start]', error);
    process.exit(1);
  });
