/** Types of pages.mjs for the TypeScript e2e suite. */
export declare const ELEMENTOR_PRIMARY: string;
export declare function testPages(): Array< {
	slug: string;
	title: string;
	content: string;
	meta?: Record< string, string >;
} >;
