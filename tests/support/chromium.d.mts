/** Types for chromium.mjs (plain JavaScript so the benchmarks can import it without a TypeScript loader). */
export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
export declare function chromiumLaunchOptions(): { executablePath: string; args: string[] };
