/** Admin user operations. */
import type { Operation } from '../context';
import type { User } from '../types';
import { cognitoError } from '../errors';
import { issueCode } from '../codes';
import { enforcePasswordPolicy, generatePassword } from '../policy';
import {
	attributeList,
	attributesFromList,
	mfaView,
	newUser,
	setPassword,
	str,
	userView,
} from '../model';
import { validateAttributes } from '../schema';
import { applyAttributeChanges } from '../attribute-updates';
import { applyMfaPreference } from './mfa';
import { revokeAllRefreshTokens } from '../refresh';

const DAY = 86_400_000;

export const AdminCreateUser: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	const username = str( input, 'Username' );
	const existing = ctx.store.findUser( pool.id, username );
	const password =
		input.TemporaryPassword === undefined
			? generatePassword( pool.passwordPolicy )
			: enforcePasswordPolicy(
					pool.passwordPolicy,
					input.TemporaryPassword
				);
	let user: User;
	if ( input.MessageAction === 'RESEND' ) {
		// RESEND re-issues the temporary password of a user who has not signed in yet.
		if ( ! existing ) {
			throw cognitoError( 'userNotFound' );
		}
		if ( existing.status !== 'FORCE_CHANGE_PASSWORD' ) {
			throw cognitoError(
				'unsupportedUserState',
				`Resend not possible. ${ username } status is not FORCE_CHANGE_PASSWORD`
			);
		}
		user = existing;
		user.tempPasswordExpiresAt =
			ctx.clock.now() +
			pool.passwordPolicy.TemporaryPasswordValidityDays * DAY;
		setPassword( ctx, user, password );
	} else {
		if ( existing ) {
			throw cognitoError( 'userExists' );
		}
		const attributes = attributesFromList( input.UserAttributes );
		validateAttributes( pool, attributes );
		user = newUser(
			ctx,
			pool,
			username,
			password,
			attributes,
			'FORCE_CHANGE_PASSWORD'
		);
		ctx.store.putUser( user );
	}
	if ( input.MessageAction !== 'SUPPRESS' ) {
		issueCode( ctx, user, 'temporary-password', undefined, password );
	}
	return { User: { ...userView( user ), MFAOptions: [] } };
};

export const AdminSetUserPassword: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	const user = ctx.store.requireUser( pool.id, str( input, 'Username' ) );
	const password = enforcePasswordPolicy(
		pool.passwordPolicy,
		input.Password
	);
	if ( input.Permanent === true ) {
		user.status = 'CONFIRMED';
		user.tempPasswordExpiresAt = undefined;
	} else {
		user.status = 'FORCE_CHANGE_PASSWORD';
		user.tempPasswordExpiresAt =
			ctx.clock.now() +
			pool.passwordPolicy.TemporaryPasswordValidityDays * DAY;
	}
	setPassword( ctx, user, password );
	return {};
};

export const AdminGetUser: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	const user = ctx.store.requireUser( pool.id, str( input, 'Username' ) );
	return {
		...userView( user, 'UserAttributes' ),
		MFAOptions: [],
		...mfaView( user ),
	};
};

export const AdminDeleteUser: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	ctx.store.deleteUser(
		ctx.store.requireUser( pool.id, str( input, 'Username' ) )
	);
	return {};
};

export const AdminConfirmSignUp: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	const user = ctx.store.requireUser( pool.id, str( input, 'Username' ) );
	if ( user.status !== 'UNCONFIRMED' ) {
		throw cognitoError(
			'alreadyConfirmed',
			`User cannot be confirmed. Current status is ${ user.status }`
		);
	}
	user.status = 'CONFIRMED';
	user.updatedAt = ctx.clock.now();
	ctx.store.putUser( user );
	return {};
};

export const AdminUpdateUserAttributes: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	const user = ctx.store.requireUser( pool.id, str( input, 'Username' ) );
	applyAttributeChanges(
		ctx,
		pool,
		user,
		attributesFromList( input.UserAttributes ),
		true
	);
	return {};
};

export const AdminSetUserMFAPreference: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	applyMfaPreference(
		ctx,
		pool,
		ctx.store.requireUser( pool.id, str( input, 'Username' ) ),
		input
	);
	return {};
};

/** A disabled user cannot sign in or refresh, and their access tokens stop working (Cognito revokes them). */
function setEnabled( enabled: boolean ): Operation {
	return ( ctx, input ) => {
		const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
		const user = ctx.store.requireUser( pool.id, str( input, 'Username' ) );
		user.enabled = enabled;
		user.updatedAt = ctx.clock.now();
		ctx.store.putUser( user );
		return {};
	};
}

export const AdminDisableUser = setEnabled( false );
export const AdminEnableUser = setEnabled( true );

/** Signs the user out of every device: all their refresh tokens are revoked. */
export const AdminUserGlobalSignOut: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	const user = ctx.store.requireUser( pool.id, str( input, 'Username' ) );
	revokeAllRefreshTokens( ctx, pool.id, user.username );
	return {};
};

/** The subset of ListUsers filters Cognito supports: `attr = "value"` and `attr ^= "prefix"`. */
function filterFor( filter: unknown ): ( u: User ) => boolean {
	if ( typeof filter !== 'string' || filter.trim() === '' ) {
		return () => true;
	}
	const m = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/.exec( filter );
	if ( ! m ) {
		throw cognitoError( 'invalidParameter', 'Error while parsing filter.' );
	}
	const [ , attr = '', op, value = '' ] = m;
	const read = ( u: User ): string | undefined => {
		if ( attr === 'username' ) {
			return u.username;
		}
		if ( attr === 'status' ) {
			return u.enabled ? 'Enabled' : 'Disabled';
		}
		if ( attr === 'cognito:user_status' ) {
			return u.status;
		}
		return u.attributes[ attr ];
	};
	return ( u ) => {
		const actual = read( u );
		return (
			actual !== undefined &&
			( op === '=' ? actual === value : actual.startsWith( value ) )
		);
	};
}

export const ListUsers: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	const limit =
		typeof input.Limit === 'number'
			? Math.min( Math.max( input.Limit, 1 ), 60 )
			: 60;
	const start =
		typeof input.PaginationToken === 'string'
			? Number( input.PaginationToken ) || 0
			: 0;
	const matching = ctx.store
		.usersOf( pool.id )
		.filter( filterFor( input.Filter ) )
		.sort( ( a, b ) => a.username.localeCompare( b.username ) );
	const page = matching.slice( start, start + limit );
	const only = Array.isArray( input.AttributesToGet )
		? ( input.AttributesToGet as string[] )
		: null;
	return {
		Users: page.map( ( u ) => {
			const view = userView( u );
			return only
				? {
						...view,
						Attributes: attributeList( u ).filter( ( a ) =>
							only.includes( a.Name )
						),
					}
				: view;
		} ),
		...( start + limit < matching.length
			? { PaginationToken: String( start + limit ) }
			: {} ),
	};
};
