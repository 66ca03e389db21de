/**
 * One-time codes (sign-up, password reset, attribute verification, SMS MFA) and the outbox that stands in
 * for e-mail and SMS: every "sent" message is appended there and printed on the console.
 */
import { randomInt } from 'node:crypto';
import type { Ctx } from './context';
import type { CodeKind, User } from './types';
import { cognitoError } from './errors';

const HOUR = 3_600_000;
/** Lifetimes as Cognito documents them. */
export const CODE_TTL_MS: Record< CodeKind, number > = {
	signup: 24 * HOUR,
	reset: HOUR,
	verify: 24 * HOUR,
	mfa: 3 * 60_000,
	'temporary-password': 7 * 24 * HOUR,
};
const MAX_WRONG_ATTEMPTS = 5;

export interface CodeDelivery {
	Destination: string;
	DeliveryMedium: 'EMAIL' | 'SMS';
	AttributeName: string;
}

/** "alice@example.com" → "a***@e***", "+15551234567" → "+*******4567", like Cognito's masking. */
export function maskDestination( value: string ): string {
	if ( value.includes( '@' ) ) {
		const [ local = '', domain = '' ] = value.split( '@' );
		return `${ local.slice( 0, 1 ) }***@${ domain.slice( 0, 1 ) }***`;
	}
	return `+${ '*'.repeat( Math.max( 0, value.length - 5 ) ) }${ value.slice( -4 ) }`;
}

/** The address an attribute's code goes to: for verification, a new value that awaits it, if any. */
const addressOf = ( user: User, attribute: string, verify: boolean ) =>
	( verify ? user.pendingAttributes?.[ attribute ] : undefined ) ??
	user.attributes[ attribute ];

/**
 * Where a code for `user` goes: e-mail when there is one (or when asked for), else SMS. `verify`: a code that
 * verifies the attribute, which goes to its pending new value when there is one.
 */
export function deliveryFor(
	user: User,
	attribute?: string,
	verify = false
): CodeDelivery | null {
	const pick =
		attribute ?? ( user.attributes.email ? 'email' : 'phone_number' );
	const value = addressOf( user, pick, verify );
	if ( ! value || ( pick !== 'email' && pick !== 'phone_number' ) ) {
		return null;
	}
	return {
		Destination: maskDestination( value ),
		DeliveryMedium: pick === 'email' ? 'EMAIL' : 'SMS',
		AttributeName: pick,
	};
}

/** A plausible delivery for users that do not exist (PreventUserExistenceErrors=ENABLED). */
export function fakeDelivery( username: string ): CodeDelivery {
	const looksLikeEmail = username.includes( '@' );
	return {
		Destination: looksLikeEmail
			? maskDestination( username )
			: `${ username.slice( 0, 1 ) }***@e***`,
		DeliveryMedium: 'EMAIL',
		AttributeName: 'email',
	};
}

/** Issues a fresh code (replacing any pending one of the same kind) and "sends" it to the outbox. */
export function issueCode(
	ctx: Ctx,
	user: User,
	kind: CodeKind,
	attribute?: string,
	code?: string
): string {
	const value =
		code ?? String( randomInt( 0, 1_000_000 ) ).padStart( 6, '0' );
	const state = ctx.store.state;
	state.codes = state.codes.filter(
		( c ) =>
			! (
				c.poolId === user.poolId &&
				c.username === user.username &&
				c.kind === kind &&
				c.attribute === attribute
			)
	);
	state.codes.push( {
		poolId: user.poolId,
		username: user.username,
		kind,
		attribute,
		code: value,
		expiresAt: ctx.clock.now() + CODE_TTL_MS[ kind ],
		wrongAttempts: 0,
	} );
	const attr =
		attribute ??
		( kind === 'mfa'
			? 'phone_number'
			: deliveryFor( user )?.AttributeName );
	const destination =
		( attr && addressOf( user, attr, kind === 'verify' ) ) || user.username;
	state.outbox.push( {
		poolId: user.poolId,
		username: user.username,
		destination,
		kind,
		code: value,
		at: new Date( ctx.clock.now() ).toISOString(),
	} );
	ctx.store.save();
	ctx.log(
		`[outbox] ${ kind } code for ${ user.username } → ${ destination }: ${ value }`
	);
	return value;
}

/**
 * Consumes a code. Wrong codes count against a limit; past it, even the right code is refused until a new
 * one is issued, which is what makes brute-forcing six digits impractical.
 */
export function checkCode(
	ctx: Ctx,
	user: User,
	kind: CodeKind,
	offered: unknown,
	attribute?: string
): void {
	const state = ctx.store.state;
	const pending = state.codes.find(
		( c ) =>
			c.poolId === user.poolId &&
			c.username === user.username &&
			c.kind === kind &&
			c.attribute === attribute
	);
	if ( ! pending ) {
		throw cognitoError( 'codeExpired' );
	}
	if ( pending.wrongAttempts >= MAX_WRONG_ATTEMPTS ) {
		throw cognitoError( 'attemptLimit' );
	}
	if ( pending.expiresAt <= ctx.clock.now() ) {
		throw cognitoError( 'codeExpired' );
	}
	if ( String( offered ) !== pending.code ) {
		pending.wrongAttempts += 1;
		ctx.store.save();
		throw cognitoError(
			kind === 'mfa' ? 'mfaCodeMismatch' : 'codeMismatch'
		);
	}
	state.codes.splice( state.codes.indexOf( pending ), 1 );
	ctx.store.save();
}
