/**
 * src/elementor/preview.ts: in Elementor's editor preview, each widget Elementor renders again is mounted through
 * the view script's mountAll, once Elementor's hooks exist.
 */
type Callback = ( scope: ArrayLike< HTMLElement > ) => void;

function fakeElementor() {
	const actions = new Map< string, Callback >();
	return {
		actions,
		frontend: {
			hooks: {
				addAction: ( name: string, callback: Callback ) =>
					actions.set( name, callback ),
			},
		},
	};
}

beforeEach( () => {
	vi.resetModules();
	window.cognitoBlocksElementorWidgets = [
		'cognito-blocks-login',
		'cognito-blocks-profile',
	];
	window.cognitoBlocks = { mountAll: vi.fn( () => 1 ) };
} );

afterEach( () => {
	delete window.elementorFrontend;
} );

it( 'waits for Elementor to start, then mounts each widget it renders', async () => {
	const elementor = fakeElementor();
	window.elementorFrontend = {};
	await import( '../../../src/elementor/preview' );
	expect( elementor.actions.size ).toBe( 0 );

	window.elementorFrontend = elementor.frontend;
	window.dispatchEvent( new CustomEvent( 'elementor/frontend/init' ) );
	expect( [ ...elementor.actions.keys() ] ).toEqual( [
		'frontend/element_ready/cognito-blocks-login.default',
		'frontend/element_ready/cognito-blocks-profile.default',
	] );

	const widget = document.createElement( 'div' );
	elementor.actions.get(
		'frontend/element_ready/cognito-blocks-login.default'
	)?.( [ widget ] );
	expect( window.cognitoBlocks?.mountAll ).toHaveBeenCalledWith( widget );
} );

it( 'listens at once when Elementor has already started', async () => {
	const elementor = fakeElementor();
	window.elementorFrontend = elementor.frontend;
	await import( '../../../src/elementor/preview' );
	expect( elementor.actions.size ).toBe( 2 );
} );
