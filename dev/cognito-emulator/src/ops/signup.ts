/** SignUp, ConfirmSignUp, ResendConfirmationCode. */
import { randomUUID } from 'node:crypto';
import type { Ctx, Input, Operation } from '../context';
import type { AppClient, Pool, User } from '../types';
import { cognitoError } from '../errors';
import { checkCode, deliveryFor, fakeDelivery, issueCode } from '../codes';
import { enforcePasswordPolicy } from '../policy';
import { attributesFromList, newUser, str } from '../model';
import { checkClientWrites, validateAttributes } from '../schema';

function clientPool(
	ctx: Ctx,
	input: Input
): { client: AppClient; pool: Pool } {
	const client = ctx.store.client( str( input, 'ClientId' ) );
	return { client, pool: ctx.store.pool( client.poolId ) };
}

const hidesUsers = ( client: AppClient ) =>
	client.preventUserExistenceErrors === 'ENABLED';

export const SignUp: Operation = ( ctx, input ) => {
	const { client, pool } = clientPool( ctx, input );
	const given = str( input, 'Username' );
	const attributes = attributesFromList( input.UserAttributes );
	validateAttributes( pool, attributes );
	checkClientWrites( client, attributes );
	delete attributes.email_verified;
	delete attributes.phone_number_verified;
	// Pools that sign in by email/phone keep a generated username and store the value as the attribute.
	let username = given;
	if ( pool.usernameAttributes.length ) {
		const attr = given.includes( '@' ) ? 'email' : 'phone_number';
		if ( ! pool.usernameAttributes.includes( attr ) ) {
			throw cognitoError(
				'invalidParameter',
				'Username should be either an email or a phone number.'
			);
		}
		attributes[ attr ] = given;
		username = randomUUID();
	}
	if (
		ctx.store.findUser( pool.id, given ) ||
		ctx.store.findUser( pool.id, username )
	) {
		throw cognitoError(
			pool.usernameAttributes.length ? 'emailExists' : 'userExists'
		);
	}
	const password = enforcePasswordPolicy(
		pool.passwordPolicy,
		input.Password
	);
	const user = newUser(
		ctx,
		pool,
		username,
		password,
		attributes,
		'UNCONFIRMED'
	);
	ctx.store.putUser( user );
	const delivery = deliveryFor( user );
	if ( delivery ) {
		issueCode( ctx, user, 'signup' );
	}
	return {
		UserConfirmed: false,
		UserSub: user.sub,
		...( delivery ? { CodeDeliveryDetails: delivery } : {} ),
	};
};

/** Confirming a code proves the user controls the address it went to. */
export function markDeliveredVerified( user: User ): void {
	const attr = deliveryFor( user )?.AttributeName;
	if ( attr ) {
		user.attributes[ `${ attr }_verified` ] = 'true';
	}
}

export const ConfirmSignUp: Operation = ( ctx, input ) => {
	const { client, pool } = clientPool( ctx, input );
	const user = ctx.store.findUser( pool.id, str( input, 'Username' ) );
	if ( ! user ) {
		throw cognitoError(
			hidesUsers( client ) ? 'codeMismatch' : 'userClientNotFound'
		);
	}
	const code = str( input, 'ConfirmationCode' );
	if ( user.status !== 'UNCONFIRMED' ) {
		throw cognitoError(
			'alreadyConfirmed',
			`User cannot be confirmed. Current status is ${ user.status }`
		);
	}
	checkCode( ctx, user, 'signup', code );
	user.status = 'CONFIRMED';
	markDeliveredVerified( user );
	user.updatedAt = ctx.clock.now();
	ctx.store.putUser( user );
	return {};
};

export const ResendConfirmationCode: Operation = ( ctx, input ) => {
	const { client, pool } = clientPool( ctx, input );
	const username = str( input, 'Username' );
	const user = ctx.store.findUser( pool.id, username );
	if ( ! user ) {
		if ( hidesUsers( client ) ) {
			return { CodeDeliveryDetails: fakeDelivery( username ) };
		}
		throw cognitoError( 'userClientNotFound' );
	}
	if ( user.status !== 'UNCONFIRMED' ) {
		throw cognitoError( 'invalidParameter', 'User is already confirmed.' );
	}
	const delivery = deliveryFor( user );
	if ( ! delivery ) {
		throw cognitoError(
			'invalidParameter',
			'Auto verification not turned on.'
		);
	}
	issueCode( ctx, user, 'signup' );
	return { CodeDeliveryDetails: delivery };
};
