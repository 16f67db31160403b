// Types for lib/config/native-packages.mjs.
export declare const NATIVE_PACKAGES: string[];
