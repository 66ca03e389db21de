/** Types for sources.mjs (plain JavaScript so npm start and tests/run.mjs run it without a TypeScript loader). */
export interface Source {
	path: string;
	stamp: string;
}
export declare function resolveSource( given: string, what?: string ): Source;
export declare function unpackWordPressSource(
	source: string,
	staging: string
): Promise< void >;
export declare function installPluginSource(
	source: string,
	pluginsDir: string
): Promise< string >;
export declare const SOURCE_OPTIONS: Record<
	string,
	{ type: 'string'; multiple?: boolean }
>;
export declare function chosenSources( args?: {
	wordpress?: string;
	plugin?: string[];
} ): { wordpress: Source | null; plugins: Source[] };
export declare function sourcesEnv( sources: {
	wordpress: Source | null;
	plugins: Source[];
} ): Record< string, string >;
