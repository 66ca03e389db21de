/** Signed-in user operations: profile, attribute verification, sign-out, revocation, deletion. */
import type { Ctx, Operation } from '../context';
import { cognitoError } from '../errors';
import { checkCode, deliveryFor, issueCode } from '../codes';
import { authenticateAccessToken } from '../tokens';
import { findRefreshRecord, revokeAllRefreshTokens } from '../refresh';
import { attributeList, attributesFromList, mfaView, str } from '../model';
import { checkClientWrites } from '../schema';
import {
	applyAttributeChanges,
	markVerified,
	VERIFIABLE,
} from '../attribute-updates';

/** The signed-in user and the app client their access token was issued to (its read/write permissions apply). */
function signedIn( ctx: Ctx, token: unknown ) {
	const { user, claims } = authenticateAccessToken( ctx, token );
	return {
		user,
		client: ctx.store.state.clients[ String( claims.client_id ) ],
	};
}

export const GetUser: Operation = ( ctx, input ) => {
	const { user, client } = signedIn( ctx, input.AccessToken );
	return {
		Username: user.username,
		UserAttributes: attributeList( user, client ),
		MFAOptions: [],
		...mfaView( user ),
	};
};

export const UpdateUserAttributes: Operation = ( ctx, input ) => {
	const { user, client } = signedIn( ctx, input.AccessToken );
	const changes = attributesFromList( input.UserAttributes );
	checkClientWrites( client, changes );
	return {
		CodeDeliveryDetailsList: applyAttributeChanges(
			ctx,
			ctx.store.pool( user.poolId ),
			user,
			changes,
			false
		),
	};
};

export const GetUserAttributeVerificationCode: Operation = ( ctx, input ) => {
	const { user } = authenticateAccessToken( ctx, input.AccessToken );
	const name = str( input, 'AttributeName' );
	const delivery = VERIFIABLE.has( name )
		? deliveryFor( user, name, true )
		: null;
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
	markVerified( ctx, user, name );
	return {};
};

/** Revokes every sign-in of the user: their refresh tokens and the access tokens minted from them. */
export const GlobalSignOut: Operation = ( ctx, input ) => {
	const { user } = authenticateAccessToken( ctx, input.AccessToken );
	revokeAllRefreshTokens( ctx, user.poolId, user.username );
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
