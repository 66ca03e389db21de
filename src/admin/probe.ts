/**
 * The browser half of "Test connection": does the app client exist and allow SRP sign-in? It starts an SRP
 * sign-in for a made-up user with the same library and endpoint the forms use, and reads Cognito's answer:
 * "no such user" or "incorrect username or password" mean the client works (no real account is touched, and
 * nothing is created); "client does not exist", "flow not enabled" and "secret hash" each name what to fix.
 */
import { __, sprintf } from '@wordpress/i18n';
import { createCognitoGateway } from '../auth/cognito-gateway';
import type { AuthGateway } from '../auth/gateway';

export interface ProbeConfig {
	userPoolId: string;
	clientId: string;
	endpoint?: string | null;
}

export interface ProbeLine {
	id: 'client';
	ok: boolean;
	label: string;
	detail: string;
}

function parts( error: unknown ): { code: string; message: string } {
	const record = ( error ?? {} ) as Record< string, unknown >;
	return {
		code: String( record.code ?? record.name ?? '' ),
		message: String( record.message ?? '' ),
	};
}

/**
 * Reads the probe's answer.
 * @param outcome  What the sign-in attempt rejected with (or resolved to, which would also mean the client works).
 * @param clientId The app client ID tested.
 */
export function probeLine( outcome: unknown, clientId: string ): ProbeLine {
	const { code, message } = parts( outcome );
	const ok = ( detail: string ): ProbeLine => ( {
		id: 'client',
		ok: true,
		label: __( 'The app client allows SRP sign-in', 'cognito-blocks' ),
		detail,
	} );
	const bad = ( label: string, detail: string ): ProbeLine => ( {
		id: 'client',
		ok: false,
		label,
		detail,
	} );
	if ( code === 'UserNotFoundException' ) {
		return ok(
			__(
				'Cognito answered for a made-up user as it should: no such user.',
				'cognito-blocks'
			)
		);
	}
	if ( code === 'NotAuthorizedException' && /secret hash/i.test( message ) ) {
		return bad(
			__( 'The app client has a client secret', 'cognito-blocks' ),
			__(
				'A browser cannot keep a secret. Create an app client without a client secret (a public client) and enter its ID.',
				'cognito-blocks'
			)
		);
	}
	if (
		code === 'NotAuthorizedException' ||
		code === 'PasswordResetRequiredException' ||
		code === 'UserNotConfirmedException'
	) {
		return ok(
			__(
				"Cognito refused a made-up user's password as it should.",
				'cognito-blocks'
			)
		);
	}
	if ( code === 'ResourceNotFoundException' ) {
		return bad(
			sprintf(
				/* translators: %s: the app client ID. */
				__( 'App client %s was not found', 'cognito-blocks' ),
				clientId
			),
			__(
				'The user pool has no app client with this ID. Copy the ID from the pool\'s "App clients" page.',
				'cognito-blocks'
			)
		);
	}
	if ( code === 'InvalidParameterException' && /SRP|flow/i.test( message ) ) {
		return bad(
			__(
				'SRP sign-in is not enabled for this app client',
				'cognito-blocks'
			),
			__(
				'In the app client\'s authentication flows, turn on "Sign in with secure remote password (SRP)" (ALLOW_USER_SRP_AUTH) and refresh tokens.',
				'cognito-blocks'
			)
		);
	}
	if (
		code === 'TimeoutError' ||
		code === 'TypeError' ||
		code === 'NetworkError' ||
		/network|fetch/i.test( message )
	) {
		return bad(
			__(
				'Cognito cannot be reached from this browser',
				'cognito-blocks'
			),
			__(
				'The browser could not call the Cognito API. Check the region or endpoint override, and that no browser extension or network policy blocks it.',
				'cognito-blocks'
			)
		);
	}
	if ( code === '' && message === '' ) {
		return ok(
			__(
				'Cognito started a sign-in with this app client.',
				'cognito-blocks'
			)
		);
	}
	return bad(
		__( 'The app client could not be checked', 'cognito-blocks' ),
		sprintf(
			/* translators: 1: Cognito's error name, 2: its message. */
			__( 'Cognito answered %1$s: %2$s', 'cognito-blocks' ),
			code || __( 'an error', 'cognito-blocks' ),
			message
		)
	);
}

/**
 * Runs the probe.
 * @param config  Pool, client and endpoint, as the server derived them from the form.
 * @param gateway The sign-in client (the real one unless a test passes another).
 */
export async function probeClient(
	config: ProbeConfig,
	gateway?: AuthGateway
): Promise< ProbeLine > {
	let client = gateway;
	try {
		client ??= createCognitoGateway( {
			userPoolId: config.userPoolId,
			clientId: config.clientId,
			endpoint: config.endpoint ?? undefined,
			timeoutMs: 10_000,
		} );
		const random = Array.from(
			crypto.getRandomValues( new Uint8Array( 12 ) ),
			( byte ) => byte.toString( 16 ).padStart( 2, '0' )
		).join( '' );
		await client.signIn( {
			username: `connection-test-${ random }`,
			password: `Probe-${ random }-1a!`,
		} );
		// A challenge for a made-up user: the client works too.
		return probeLine( {}, config.clientId );
	} catch ( error ) {
		return probeLine( error, config.clientId );
	}
}
