// Adds Testing Library's DOM matchers (toBeInTheDocument, toHaveAttribute, …) to Vitest's expect.
import '@testing-library/jest-dom/vitest';

// jsdom has no matchMedia; @wordpress/components asks it for reduced motion, viewport size and responsive values.
if ( typeof window !== 'undefined' ) {
	window.matchMedia ??= ( query: string ) =>
		( {
			matches: false,
			media: query,
			onchange: null,
			addListener: () => undefined,
			removeListener: () => undefined,
			addEventListener: () => undefined,
			removeEventListener: () => undefined,
			dispatchEvent: () => false,
		} ) as MediaQueryList;
}
