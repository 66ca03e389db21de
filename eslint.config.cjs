/**
 * ESLint: WordPress's recommended rules (via @wordpress/scripts), plus the allowances command-line tools need.
 */
const wordpress = require( '@wordpress/scripts/config/eslint.config.cjs' );

/*
 * The folder rules of ARCHITECTURE.md ("Layout"): dependencies point inward. src/auth knows nothing of React,
 * WordPress (but `__()`) or the browser; components do no I/O; only src/wp touches the platform; nothing shipped
 * imports the development tools. tests/unit/guards/import-layers.test.ts proves a forbidden import is reported.
 */
const AUTH_IS_FRAMEWORK_FREE =
	'src/auth is framework-free (ARCHITECTURE.md): no React and no WordPress but __(); the browser comes in as injected services from src/wp.';
const VIEWS_DO_NO_IO =
	'src/components are views (ARCHITECTURE.md): no network, no storage; src/wp hands them services.';
const HOOKS_ARE_BINDINGS =
	'src/hooks bind flows to React (ARCHITECTURE.md); the platform is src/wp, which calls them.';
const NOT_SHIPPED =
	'dev/, tests/ and bench/ are not shipped in the plugin (ARCHITECTURE.md): shipped code never imports them.';

const layerZones = [
	{
		target: './src/auth',
		from: [
			'./src/components',
			'./src/hooks',
			'./src/wp',
			'./src/forms',
			'./src/view.tsx',
			'./blocks',
			'./gallery',
		],
		message: AUTH_IS_FRAMEWORK_FREE,
	},
	{
		target: './src/components',
		from: [ './src/wp', './src/view.tsx', './src/auth/cognito-gateway.ts' ],
		message: VIEWS_DO_NO_IO,
	},
	{
		target: './src/hooks',
		from: [ './src/wp', './src/view.tsx' ],
		message: HOOKS_ARE_BINDINGS,
	},
	{
		target: [ './src', './blocks' ],
		from: [ './dev', './tests', './bench' ],
		message: NOT_SHIPPED,
	},
];

/** Packages src/auth may not import; `extra` adds patterns. */
const authImports = ( ...extra ) => [
	'error',
	{
		paths: [ 'react', 'react-dom', 'react-hook-form' ].map( ( name ) => ( {
			name,
			message: AUTH_IS_FRAMEWORK_FREE,
		} ) ),
		patterns: [
			{
				group: [
					'react/*',
					'react-dom/*',
					'@wordpress/*',
					'!@wordpress/i18n',
				],
				message: AUTH_IS_FRAMEWORK_FREE,
			},
			...extra,
		],
	},
];

const NODE_BUILT_INS = {
	group: [ 'node:*' ],
	message:
		'src/auth runs in the browser (ARCHITECTURE.md): no Node built-ins.',
};

const browserGlobals = ( names, message ) => [
	'error',
	...names.map( ( name ) => ( { name, message } ) ),
];

module.exports = [
	...wordpress,
	{
		ignores: [
			'**/*.d.mts',
			'.dev/**',
			'build/**',
			'vendor/**',
			'node_modules/**',
		],
	},
	{
		// Command-line tools and test harnesses talk to people through the console.
		files: [ 'dev/**', 'bench/**', 'tests/**', '*.config.*' ],
		rules: {
			'no-console': 'off',
			'jsdoc/require-param': 'off',
			'jsdoc/require-returns-description': 'off',
			'jsdoc/require-param-type': 'off',
			'jsdoc/check-param-names': 'off',
			'import/no-extraneous-dependencies': 'off',
			'import/no-unresolved': 'off',
			'@wordpress/no-unsafe-wp-apis': 'off',
		},
	},
	{
		// The emulator implements wire protocols (TOTP, SRP, JWT), and src/auth/shims the byte and big-number
		// primitives of SRP: bit operations are the algorithm, and functions named use… are not React hooks.
		files: [
			'dev/cognito-emulator/**',
			'tests/conformance/**',
			'src/auth/shims/**',
		],
		rules: {
			'no-bitwise': 'off',
			'react-hooks/rules-of-hooks': 'off',
		},
	},
	{
		files: [ 'src/**', 'blocks/**' ],
		rules: {
			'import/no-restricted-paths': [ 'error', { zones: layerZones } ],
		},
	},
	{
		files: [ 'src/auth/**' ],
		rules: {
			'no-restricted-imports': authImports( NODE_BUILT_INS ),
			'no-restricted-globals': browserGlobals(
				[
					'window',
					'document',
					'navigator',
					'location',
					'localStorage',
					'sessionStorage',
					'fetch',
					'XMLHttpRequest',
				],
				AUTH_IS_FRAMEWORK_FREE
			),
		},
	},
	{
		// Build configuration, not browser code: webpack.config.js, vite.config.ts and the bench read its tables in
		// Node.
		files: [ 'src/auth/shims/aliases.js' ],
		rules: {
			'no-restricted-imports': authImports(),
		},
	},
	{
		files: [ 'src/components/**' ],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: 'amazon-cognito-identity-js',
							message: VIEWS_DO_NO_IO,
						},
					],
				},
			],
			'no-restricted-globals': browserGlobals(
				[ 'fetch', 'XMLHttpRequest', 'localStorage', 'sessionStorage' ],
				VIEWS_DO_NO_IO
			),
			'no-restricted-properties': [
				'error',
				...[ 'fetch', 'localStorage', 'sessionStorage' ].flatMap(
					( property ) =>
						[ 'window', 'globalThis' ].map( ( object ) => ( {
							object,
							property,
							message: VIEWS_DO_NO_IO,
						} ) )
				),
			],
		},
	},
];
