/** Types of ./aliases.js, which webpack.config.js (plain JavaScript) and vite.config.ts both read. */
export declare const libraryShims: Readonly< Record< string, string > >;
export declare const libraryDir: string;
export declare const libraryInternals: Readonly< Record< string, string > >;
export declare const ignoredModules: readonly string[];
export declare function replacementFor(
	request: string,
	importer: string | undefined
): string | false | null;
