/** Types for stack.mjs (plain JavaScript so it also runs from tests/run.mjs without a TypeScript loader). */
export declare const STACK_DIR: string;
export declare function startTestStack( options?: {
	name?: string;
	log?: ( line: string ) => void;
} ): Promise< { env: Record< string, string >; stop: () => Promise< void > } >;
