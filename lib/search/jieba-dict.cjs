// jieba's dictionary, read when a segmenter is first made rather than when a module imports it:
// @node-rs/jieba/dict reads 11 MB of text files as it loads, and every page's module graph reaches
// lib/search/jieba.ts (through the in-process compile fallback of lib/content/index.ts), while only the
// index step and searches ever segment text. CommonJS, so the require runs when readDict is called.
exports.readDict = function readDict() {
  return require('@node-rs/jieba/dict').dict;
};
