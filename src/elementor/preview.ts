/**
 * Elementor's editor preview (build/elementor-preview.js, enqueued only there): Elementor renders a widget
 * again each time one of its controls changes and replaces its element, then fires
 * `frontend/element_ready/<widget>.default`; this mounts the new form with the view script's own mountAll.
 * php/Elementor/Integration.php lists the widget names in window.cognitoBlocksElementorWidgets.
 */
interface ElementorFrontend {
	hooks?: {
		addAction: (
			name: string,
			callback: ( scope: ArrayLike< HTMLElement > ) => void
		) => void;
	};
}

declare global {
	interface Window {
		elementorFrontend?: ElementorFrontend;
		cognitoBlocksElementorWidgets?: string[];
		cognitoBlocks?: { mountAll: ( root?: ParentNode ) => number };
	}
}

function listen( frontend: ElementorFrontend ): void {
	for ( const name of window.cognitoBlocksElementorWidgets ?? [] ) {
		frontend.hooks?.addAction(
			`frontend/element_ready/${ name }.default`,
			( scope ) => {
				if ( scope[ 0 ] ) {
					window.cognitoBlocks?.mountAll( scope[ 0 ] );
				}
			}
		);
	}
}

// Elementor creates its hooks in init(), which in the editor runs after this script: wait for it if need be.
if ( window.elementorFrontend?.hooks ) {
	listen( window.elementorFrontend );
} else {
	window.addEventListener(
		'elementor/frontend/init',
		() => window.elementorFrontend && listen( window.elementorFrontend ),
		{ once: true }
	);
}

export {};
