/** Challenge sessions: opaque, short-lived, single-use handles between InitiateAuth and the tokens. */
import { randomBytes } from 'node:crypto';
import type { AuthSession, Ctx } from './context';
import { cognitoError } from './errors';

const CONSUMED = 'CONSUMED';

export function openSession(
	ctx: Ctx,
	fields: Omit< AuthSession, 'id' | 'expiresAt' | 'wrongAttempts' > & {
		id?: string;
	},
	validityMin: number
): AuthSession {
	const now = ctx.clock.now();
	for ( const [ id, s ] of ctx.sessions ) {
		if ( s.expiresAt <= now ) {
			ctx.sessions.delete( id );
		}
	}
	const session: AuthSession = {
		wrongAttempts: 0,
		...fields,
		id: fields.id ?? randomBytes( 96 ).toString( 'base64' ),
		expiresAt: now + validityMin * 60_000,
	};
	ctx.sessions.set( session.id, session );
	return session;
}

/** The live session for `id` awaiting `challenge`; replayed, expired and unknown sessions are refused. */
export function getSession(
	ctx: Ctx,
	id: unknown,
	challenge: string,
	clientId: string
): AuthSession {
	const session = typeof id === 'string' ? ctx.sessions.get( id ) : undefined;
	if ( ! session || session.clientId !== clientId ) {
		throw cognitoError( 'sessionInvalid' );
	}
	if ( session.challenge === CONSUMED ) {
		throw cognitoError( 'sessionReused' );
	}
	if ( session.expiresAt <= ctx.clock.now() ) {
		ctx.sessions.delete( session.id );
		throw cognitoError( 'sessionExpired' );
	}
	if ( session.challenge !== challenge ) {
		throw cognitoError( 'sessionInvalid' );
	}
	return session;
}

/** Marks a session used; it stays known until expiry so a replay gets Cognito's "only be used once". */
export function consumeSession( session: AuthSession ): void {
	session.challenge = CONSUMED;
}
