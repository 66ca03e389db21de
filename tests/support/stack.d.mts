/** Types for stack.mjs (plain JavaScript so it also runs from tests/run.mjs without a TypeScript loader). */
export declare const STACK_DIR: string;
export declare function startTestStack( options?: {
	name?: string;
	log?: ( line: string ) => void;
	sources?: {
		wordpress: { path: string; stamp: string } | null;
		plugins: { path: string; stamp: string }[];
	};
} ): Promise< {
	env: Record< string, string >;
	version: string;
	stop: () => Promise< void >;
} >;
