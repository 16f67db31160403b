/** jieba's default dictionary (dict.txt of @node-rs/jieba), read from disk on the first call. */
export declare function readDict(): Uint8Array;
