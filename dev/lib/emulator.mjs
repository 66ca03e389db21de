/**
 * Runs dev/cognito-emulator as a child process (own process group) for `npm start` and the test stack.
 */
import { existsSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../wordpress/wordpress.mjs';
import { startGroup, waitFor, UserFacingError } from './processes.mjs';

const CLI = path.join( PROJECT_ROOT, 'dev/cognito-emulator/src/cli.ts' );
export const REGION = 'us-east-1';

/**
 * The custom attributes the plugin's examples, demo pages and tests write (`custom:team` in the attribute map and
 * the settings page's example, `custom:company` in the register form's). Cognito refuses attributes a pool's
 * schema lacks, so every pool these stacks seed declares them, unless its seed lists its own.
 */
export const CUSTOM_ATTRIBUTES = [ 'team', 'company' ];

export function emulatorAvailable() {
	return existsSync( CLI );
}

/**
 * Starts the emulator CLI with a seed and waits until it answers.
 *
 * @return {Promise<{ url: string, stop: () => Promise<void>, settings: object }>} settings: the plugin's
 *         cognito_blocks_settings pointing at this emulator.
 */
export async function runEmulator( {
	port,
	dataDir,
	seed,
	fresh = false,
	echo = false,
	allowedOrigins = [],
} ) {
	if ( fresh ) {
		rmSync( dataDir, { recursive: true, force: true } );
	}
	mkdirSync( dataDir, { recursive: true } );
	const seedFile = path.join( dataDir, 'seed.json' );
	const declared = {
		...seed,
		pool: { customAttributes: CUSTOM_ATTRIBUTES, ...seed.pool },
	};
	writeFileSync( seedFile, JSON.stringify( declared, null, '\t' ), {
		mode: 0o600,
	} );
	const emulator = startGroup(
		process.execPath,
		[
			'--import',
			'tsx',
			CLI,
			'--port',
			String( port ),
			'--data',
			dataDir,
			'--seed',
			seedFile,
			...allowedOrigins.flatMap( ( origin ) => [
				'--allow-origin',
				origin,
			] ),
		],
		{ cwd: PROJECT_ROOT, name: 'cognito emulator', echo }
	);
	const url = `http://127.0.0.1:${ port }`;
	try {
		await waitFor(
			async () => {
				if ( emulator.child.exitCode !== null ) {
					throw new UserFacingError(
						`The Cognito emulator exited:\n${ emulator.output() }`
					);
				}
				return ( await fetch( `${ url }/_emulator/health` ) ).ok;
			},
			{ timeout: 30000, what: 'the Cognito emulator' }
		);
	} catch ( error ) {
		await emulator.stop();
		throw error;
	}
	return {
		url,
		pid: emulator.child.pid,
		stop: emulator.stop,
		output: emulator.output,
		settings: {
			user_pool_id: seed.pool.id,
			client_id: seed.client.id,
			region: REGION,
			endpoint: url,
		},
	};
}

/**
 * The demo pool's federated identity providers, simulated by the emulator behind its hosted UI: a social one and a
 * company's SAML one.
 */
export const DEMO_IDENTITY_PROVIDERS = [
	{ name: 'Google', type: 'Google' },
	{ name: 'CorpSAML', type: 'SAML' },
];

/** Where the hosted UI sends a visitor back to a site after signing in, and after signing out. */
export const ssoCallbackUrl = ( site ) =>
	`${ site }/wp-login.php?action=cognito-blocks-sso`;
export const ssoSignOutUrl = ( site ) =>
	`${ site }/wp-login.php?loggedout=true`;

/**
 * The demo pool `npm start` seeds; users come from the generated demo credentials.
 *
 * @param {Object}   credentials Demo users.
 * @param {string[]} siteUrls    Every demo site's URL: one app client serves them all, each with its own single
 *                               sign-on callback and sign-out URL.
 */
export function demoSeed( credentials, siteUrls = [] ) {
	return {
		pool: {
			id: `${ REGION }_DemoPool1`,
			name: 'cognito-blocks-demo',
			customAttributes: CUSTOM_ATTRIBUTES,
			// A new email or phone number takes effect at once, unverified (Cognito's default).
			attributeUpdateSettings: {
				attributesRequireVerificationBeforeUpdate: [],
			},
			identityProviders: DEMO_IDENTITY_PROVIDERS,
		},
		client: {
			id: 'cognitoblocksdemoclient001',
			name: 'WordPress (demo)',
			callbackUrls: siteUrls.map( ssoCallbackUrl ),
			logoutUrls: siteUrls.map( ssoSignOutUrl ),
		},
		groups: [
			{
				name: 'editors',
				description: 'Maps to the WordPress editor role',
			},
		],
		users: credentials.users.map( ( user ) => ( {
			username: user.username,
			password: user.password,
			status: user.status ?? 'confirmed',
			...( user.totpSecret ? { totpSecret: user.totpSecret } : {} ),
			groups: user.groups ?? [],
			attributes: {
				email: user.email,
				email_verified: true,
				...( user.attributes ?? {} ),
			},
		} ) ),
	};
}

/**
 * One call to the emulator's Cognito API. Admin operations answer only signed requests from this machine; the
 * emulator takes any SigV4 signature (it has no IAM users), so a placeholder one with made-up local keys will do.
 */
async function cognitoCall( url, operation, input ) {
	const response = await fetch( url, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/x-amz-json-1.1',
			'X-Amz-Target': `AWSCognitoIdentityProviderService.${ operation }`,
			Authorization: `AWS4-HMAC-SHA256 Credential=local/${ REGION }/cognito-idp/aws4_request, SignedHeaders=host, Signature=0`,
		},
		body: JSON.stringify( input ),
	} );
	const body = await response.json();
	if ( ! response.ok ) {
		throw new UserFacingError(
			`The Cognito emulator refused ${ operation }: ${
				body.message ?? body.__type ?? response.status
			}`
		);
	}
	return body;
}

/**
 * Adds the sites' single sign-on callback and sign-out URLs to an app client that already exists (the seed keeps
 * existing clients as they are, so a pool from an earlier `npm start` with other ports or fewer sites lacks them).
 * URLs already listed stay; the client's other settings are sent back unchanged.
 */
export async function addSiteUrlsToClient( {
	url,
	poolId,
	clientId,
	siteUrls,
} ) {
	const { UserPoolClient: client } = await cognitoCall(
		url,
		'DescribeUserPoolClient',
		{ UserPoolId: poolId, ClientId: clientId }
	);
	const merge = ( have = [], add ) => [
		...have,
		...add.filter( ( entry ) => ! have.includes( entry ) ),
	];
	const callbacks = merge(
		client.CallbackURLs,
		siteUrls.map( ssoCallbackUrl )
	);
	const signOuts = merge( client.LogoutURLs, siteUrls.map( ssoSignOutUrl ) );
	const flows = merge( client.AllowedOAuthFlows, [ 'code' ] );
	if (
		callbacks.length === ( client.CallbackURLs ?? [] ).length &&
		signOuts.length === ( client.LogoutURLs ?? [] ).length &&
		flows.length === ( client.AllowedOAuthFlows ?? [] ).length
	) {
		return false;
	}
	const { CreationDate, LastModifiedDate, ClientSecret, ...settings } =
		client;
	await cognitoCall( url, 'UpdateUserPoolClient', {
		...settings,
		CallbackURLs: callbacks,
		LogoutURLs: signOuts,
		AllowedOAuthFlows: flows,
		AllowedOAuthFlowsUserPoolClient: true,
	} );
	return true;
}

/**
 * @param {Object}   options
 * @param {number}   options.port        Emulator port.
 * @param {Object}   options.credentials Demo users.
 * @param {boolean}  options.fresh       Start from an empty data folder.
 * @param {string[]} options.siteUrls    The demo sites' URLs (http://127.0.0.1:<port>): their pages (and the
 *                                       same ports on localhost) are the only ones that may call it from a
 *                                       browser, and each is a callback and sign-out URL of the app client.
 */
export async function startDemoEmulator( {
	port,
	credentials,
	fresh,
	siteUrls = [],
} ) {
	const seed = demoSeed( credentials, siteUrls );
	const emulator = await runEmulator( {
		port,
		dataDir: path.join( PROJECT_ROOT, '.dev/cognito-emulator' ),
		seed,
		fresh,
		echo: true,
		allowedOrigins: siteUrls.flatMap( ( site ) => [
			site,
			site.replace( '//127.0.0.1:', '//localhost:' ),
		] ),
	} );
	try {
		await addSiteUrlsToClient( {
			url: emulator.url,
			poolId: seed.pool.id,
			clientId: seed.client.id,
			siteUrls,
		} );
	} catch ( error ) {
		await emulator.stop();
		throw error;
	}
	return {
		...emulator,
		settings: { ...emulator.settings, hosted_ui_domain: emulator.url },
	};
}
