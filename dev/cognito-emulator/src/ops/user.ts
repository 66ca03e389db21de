/** Signed-in user operations: profile, attribute verification, sign-out, revocation, deletion. */
import type { Operation } from '../context';
import { cognitoError } from '../errors';
import { checkCode, deliveryFor, issueCode } from '../codes';
import { authenticateAccessToken, findRefreshRecord } from '../tokens';
import { attributeList, attributesFromList, mfaView, str } from '../model';
import { validateAttributes } from './signup';

const VERIFIABLE = new Set( [ 'email', 'phone_number' ] );

export const GetUser: Operation = ( ctx, input ) => {
	const { user } = authenticateAccessToken( ctx, input.AccessToken );
	return {
		Username: user.username,
		UserAttributes: attributeList( user ),
		MFAOptions: [],
		...mfaView( user ),
	};
};

export const UpdateUserAttributes: Operation = ( ctx, input ) => {
	const { user } = authenticateAccessToken( ctx, input.AccessToken );
	const changes = attributesFromList( input.UserAttributes );
	validateAttributes( changes );
	const deliveries = [];
	for ( const [ name, value ] of Object.entries( changes ) ) {
		if ( name.endsWith( '_verified' ) ) {
			// Only confirming a code may mark an address verified.
			throw cognitoError(
				'invalidParameter',
				`Cannot modify the non-mutable attribute ${ name }`
			);
		}
		const changed = user.attributes[ name ] !== value;
		user.attributes[ name ] = value;
		if ( changed && VERIFIABLE.has( name ) ) {
			user.attributes[ `${ name }_verified` ] = 'false';
			issueCode( ctx, user, 'verify', name );
			deliveries.push( deliveryFor( user, name ) );
		}
	}
	user.updatedAt = ctx.clock.now();
	ctx.store.putUser( user );
	return { CodeDeliveryDetailsList: deliveries };
};

export const GetUserAttributeVerificationCode: Operation = ( ctx, input ) => {
	const { user } = authenticateAccessToken( ctx, input.AccessToken );
	const name = str( input, 'AttributeName' );
	const delivery = VERIFIABLE.has( name ) ? deliveryFor( user, name ) : null;
	if ( ! delivery ) {
		throw cognitoError(
			'invalidParameter',
			`No ${ name } attribute to verify.`
		);
	}
	issueCode( ctx, user, 'verify', name );
	return { CodeDeliveryDetails: delivery };
};

export const VerifyUserAttribute: Operation = ( ctx, input ) => {
	const { user } = authenticateAccessToken( ctx, input.AccessToken );
	const name = str( input, 'AttributeName' );
	checkCode( ctx, user, 'verify', str( input, 'Code' ), name );
	user.attributes[ `${ name }_verified` ] = 'true';
	user.updatedAt = ctx.clock.now();
	ctx.store.putUser( user );
	return {};
};

/** Revokes every sign-in of the user: their refresh tokens and the access tokens minted from them. */
export const GlobalSignOut: Operation = ( ctx, input ) => {
	const { user } = authenticateAccessToken( ctx, input.AccessToken );
	for ( const rec of Object.values( ctx.store.state.refresh ) ) {
		if ( rec.poolId === user.poolId && rec.username === user.username ) {
			rec.revoked = true;
		}
	}
	ctx.store.save();
	return {};
};

/** Revokes one refresh token and the access tokens issued from it (same origin_jti). */
export const RevokeToken: Operation = ( ctx, input ) => {
	const client = ctx.store.client( str( input, 'ClientId' ) );
	const token = str( input, 'Token' );
	const record = findRefreshRecord( ctx, token );
	if ( ! record ) {
		throw cognitoError( 'unsupportedToken' );
	}
	if ( record.clientId !== client.id ) {
		throw cognitoError(
			'invalidParameter',
			'Token was not issued to this client.'
		);
	}
	record.revoked = true;
	ctx.store.save();
	return {};
};

export const DeleteUser: Operation = ( ctx, input ) => {
	const { user } = authenticateAccessToken( ctx, input.AccessToken );
	ctx.store.deleteUser( user );
	return {};
};
