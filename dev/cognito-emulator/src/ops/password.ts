/** ForgotPassword, ConfirmForgotPassword, ChangePassword. */
import type { Operation } from '../context';
import { cognitoError } from '../errors';
import { checkCode, deliveryFor, fakeDelivery, issueCode } from '../codes';
import { enforcePasswordPolicy } from '../policy';
import { passwordMatches } from '../srp';
import { authenticateAccessToken } from '../tokens';
import { setPassword, str } from '../model';
import { markDeliveredVerified } from './signup';

export const ForgotPassword: Operation = ( ctx, input ) => {
	const client = ctx.store.client( str( input, 'ClientId' ) );
	const username = str( input, 'Username' );
	const user = ctx.store.findUser( client.poolId, username );
	if ( ! user ) {
		if ( client.preventUserExistenceErrors === 'ENABLED' ) {
			return { CodeDeliveryDetails: fakeDelivery( username ) };
		}
		throw cognitoError( 'userClientNotFound' );
	}
	// Cognito only sends reset codes to an address the user has proven to control.
	const attr = [ 'email', 'phone_number' ].find(
		( a ) => user.attributes[ `${ a }_verified` ] === 'true'
	);
	const delivery = attr ? deliveryFor( user, attr ) : null;
	if ( ! attr || ! delivery ) {
		throw cognitoError(
			'invalidParameter',
			'Cannot reset password for the user as there is no registered/verified email or phone_number'
		);
	}
	issueCode( ctx, user, 'reset', undefined );
	return { CodeDeliveryDetails: delivery };
};

export const ConfirmForgotPassword: Operation = ( ctx, input ) => {
	const client = ctx.store.client( str( input, 'ClientId' ) );
	const pool = ctx.store.pool( client.poolId );
	const user = ctx.store.findUser( pool.id, str( input, 'Username' ) );
	const code = str( input, 'ConfirmationCode' );
	const password = enforcePasswordPolicy(
		pool.passwordPolicy,
		input.Password
	);
	if ( ! user ) {
		throw cognitoError(
			client.preventUserExistenceErrors === 'ENABLED'
				? 'codeMismatch'
				: 'userNotFound'
		);
	}
	checkCode( ctx, user, 'reset', code );
	if (
		user.status === 'RESET_REQUIRED' ||
		user.status === 'FORCE_CHANGE_PASSWORD'
	) {
		user.status = 'CONFIRMED';
		user.tempPasswordExpiresAt = undefined;
	}
	markDeliveredVerified( user );
	setPassword( ctx, user, password );
	return {};
};

export const ChangePassword: Operation = ( ctx, input ) => {
	const { user } = authenticateAccessToken( ctx, input.AccessToken );
	const pool = ctx.store.pool( user.poolId );
	const previous = str( input, 'PreviousPassword' );
	const proposed = enforcePasswordPolicy(
		pool.passwordPolicy,
		input.ProposedPassword
	);
	if ( ! passwordMatches( pool.id, user, previous ) ) {
		throw cognitoError( 'badCredentials' );
	}
	setPassword( ctx, user, proposed );
	return {};
};
