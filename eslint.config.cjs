/**
 * ESLint: WordPress's recommended rules (via @wordpress/scripts), plus the allowances command-line tools need.
 */
const wordpress = require( '@wordpress/scripts/config/eslint.config.cjs' );

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
];
