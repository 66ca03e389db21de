/**
 * Changing the attributes of an existing user (UpdateUserAttributes, AdminUpdateUserAttributes). A new email or
 * phone_number either takes effect at once, unverified, or, where the pool keeps the original value active until
 * the new one is verified (UserAttributeUpdateSettings), waits as pending: the old value stays in GetUser, in
 * tokens and for signing in until VerifyUserAttribute confirms the new one. Either way a code goes to the new
 * address, unless an administrator marks it verified in the same request.
 */
import type { Ctx } from './context';
import type { Pool, User } from './types';
import { cognitoError } from './errors';
import { deliveryFor, issueCode, type CodeDelivery } from './codes';
import { validateAttributes } from './schema';

/** The attributes Cognito verifies with a code. */
export const VERIFIABLE = new Set( [ 'email', 'phone_number' ] );

export function applyAttributeChanges(
	ctx: Ctx,
	pool: Pool,
	user: User,
	changes: Record< string, string >,
	admin: boolean
): CodeDelivery[] {
	validateAttributes( pool, changes, user );
	const deliveries: CodeDelivery[] = [];
	for ( const [ name, value ] of Object.entries( changes ) ) {
		if ( name.endsWith( '_verified' ) && ! admin ) {
			// Only confirming a code may mark an address verified.
			throw cognitoError(
				'invalidParameter',
				`Cannot modify the non-mutable attribute ${ name }`
			);
		}
		if ( ! VERIFIABLE.has( name ) ) {
			user.attributes[ name ] = value;
		}
	}
	const pending = { ...user.pendingAttributes };
	for ( const name of VERIFIABLE ) {
		const flag = `${ name }_verified`;
		// An administrator marking the attribute verified also confirms a value that waits for it.
		const value =
			changes[ name ] ??
			( admin && changes[ flag ] === 'true'
				? pending[ name ]
				: undefined );
		if ( value === undefined ) {
			continue;
		}
		if ( value === user.attributes[ name ] ) {
			// Back to the active value: nothing is waiting for verification any more.
			delete pending[ name ];
			continue;
		}
		if ( admin && changes[ flag ] === 'true' ) {
			user.attributes[ name ] = value;
			delete pending[ name ];
			continue;
		}
		if ( pool.keepOriginalAttributes?.includes( name ) ) {
			pending[ name ] = value;
		} else {
			user.attributes[ name ] = value;
			user.attributes[ flag ] = 'false';
			delete pending[ name ];
		}
		user.pendingAttributes = pending;
		issueCode( ctx, user, 'verify', name );
		const delivery = deliveryFor( user, name, true );
		if ( delivery ) {
			deliveries.push( delivery );
		}
	}
	user.pendingAttributes = Object.keys( pending ).length
		? pending
		: undefined;
	user.updatedAt = ctx.clock.now();
	ctx.store.putUser( user );
	return deliveries;
}

/** VerifyUserAttribute's effect once the code matched: a pending value becomes the active, verified one. */
export function markVerified( ctx: Ctx, user: User, name: string ): void {
	const waiting = user.pendingAttributes?.[ name ];
	if ( waiting !== undefined && user.pendingAttributes ) {
		user.attributes[ name ] = waiting;
		delete user.pendingAttributes[ name ];
		if ( ! Object.keys( user.pendingAttributes ).length ) {
			user.pendingAttributes = undefined;
		}
	}
	user.attributes[ `${ name }_verified` ] = 'true';
	user.updatedAt = ctx.clock.now();
	ctx.store.putUser( user );
}
