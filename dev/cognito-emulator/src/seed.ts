/**
 * Seeding from a JSON file or object: pool, app clients, groups and users, idempotently (existing entries
 * are kept as they are, so restarting with the same seed never resets passwords changed since).
 */
import { readFileSync } from 'node:fs';
import type { Ctx } from './context';
import type { PasswordPolicy, Pool, UserStatus } from './types';
import { newClient, newPool, newUser } from './model';
import { enforcePasswordPolicy } from './policy';
import { base32Decode } from './totp';
import { validateAttributes } from './ops/signup';

export interface SeedClient {
	/** Fixed client id (1–128 word characters; Cognito's look like 26 lowercase letters/digits). */
	id?: string;
	name: string;
	/** Default: ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH. */
	explicitAuthFlows?: string[];
	callbackUrls?: string[];
	logoutUrls?: string[];
	/** Default: ["code"] when callbackUrls are given. */
	oauthFlows?: string[];
	/** Default: openid, email, phone, profile, aws.cognito.signin.user.admin. */
	oauthScopes?: string[];
	/** Default ENABLED (the Cognito console default). */
	preventUserExistenceErrors?: 'ENABLED' | 'LEGACY';
	idTokenValidityMinutes?: number;
	accessTokenValidityMinutes?: number;
	refreshTokenValidityDays?: number;
	/** How long a challenge session (MFA, new password) stays answerable; default 3, Cognito allows 3–15. */
	authSessionValidityMinutes?: number;
}

export interface SeedUser {
	username: string;
	password: string;
	/** Standard or custom:* attributes; booleans are stored as "true"/"false" like Cognito does. */
	attributes?: Record< string, string | boolean >;
	/** Default "confirmed". "force-change-password" makes `password` a temporary password. */
	status?: 'confirmed' | 'unconfirmed' | 'force-change-password';
	/** Base32 TOTP secret: registers SOFTWARE_TOKEN_MFA and makes it the preferred factor. */
	totpSecret?: string;
	/**
	 * Enables SMS_MFA (needs a phone_number attribute; codes go to the outbox) and makes it the preferred
	 * factor. With `totpSecret` as well, neither factor is preferred, so sign-in asks for one (SELECT_MFA_TYPE).
	 */
	smsMfa?: boolean;
	groups?: string[];
}

export interface SeedObject {
	pool: {
		/** Fixed pool id such as "us-east-1_DemoPool1", so a site can be configured before start. */
		id?: string;
		name: string;
		passwordPolicy?: Partial< PasswordPolicy >;
		/** Default OPTIONAL, so seeded TOTP users get their challenge. */
		mfa?: Pool[ 'mfaConfiguration' ];
		autoVerifiedAttributes?: string[];
		usernameAttributes?: string[];
		aliasAttributes?: string[];
	};
	client?: SeedClient;
	clients?: SeedClient[];
	groups?: Array< {
		name: string;
		description?: string;
		precedence?: number;
	} >;
	users?: SeedUser[];
}

const STATUS: Record< string, UserStatus > = {
	confirmed: 'CONFIRMED',
	unconfirmed: 'UNCONFIRMED',
	'force-change-password': 'FORCE_CHANGE_PASSWORD',
};

export function loadSeed( seed: SeedObject | string ): SeedObject {
	return typeof seed === 'string'
		? ( JSON.parse( readFileSync( seed, 'utf8' ) ) as SeedObject )
		: seed;
}

/** Applies a seed; returns the pool id and the first client's id. Throws a plain Error on bad seed data. */
export function applySeed(
	ctx: Ctx,
	seed: SeedObject
): { poolId: string; clientId?: string } {
	const state = ctx.store.state;
	if ( ! seed?.pool?.name ) {
		throw new Error( 'Seed: "pool.name" is required.' );
	}
	if (
		seed.pool.id !== undefined &&
		! /^[\w-]+_[0-9A-Za-z]+$/.test( seed.pool.id )
	) {
		throw new Error(
			`Seed: pool id "${ seed.pool.id }" is not of the form <region>_<letters/digits>.`
		);
	}
	let pool = seed.pool.id
		? state.pools[ seed.pool.id ]
		: Object.values( state.pools ).find(
				( p ) => p.name === seed.pool.name
			);
	if ( ! pool ) {
		pool = newPool(
			ctx,
			{
				PoolName: seed.pool.name,
				Policies: { PasswordPolicy: seed.pool.passwordPolicy ?? {} },
				MfaConfiguration: seed.pool.mfa ?? 'OPTIONAL',
				AutoVerifiedAttributes: seed.pool.autoVerifiedAttributes ?? [
					'email',
				],
				UsernameAttributes: seed.pool.usernameAttributes,
				AliasAttributes: seed.pool.aliasAttributes,
			},
			seed.pool.id
		);
		state.pools[ pool.id ] = pool;
	}
	const clientIds: string[] = [];
	for ( const c of [
		...( seed.client ? [ seed.client ] : [] ),
		...( seed.clients ?? [] ),
	] ) {
		if ( c.id !== undefined && ! /^[\w+]{1,128}$/.test( c.id ) ) {
			throw new Error(
				`Seed: client id "${ c.id }" must be 1-128 letters/digits.`
			);
		}
		const poolId = pool.id;
		let client = c.id
			? state.clients[ c.id ]
			: Object.values( state.clients ).find(
					( x ) => x.poolId === poolId && x.name === c.name
				);
		if ( ! client ) {
			const callbacks = c.callbackUrls ?? [];
			client = newClient(
				ctx,
				pool.id,
				{
					ClientName: c.name,
					ExplicitAuthFlows: c.explicitAuthFlows ?? [
						'ALLOW_USER_SRP_AUTH',
						'ALLOW_REFRESH_TOKEN_AUTH',
					],
					CallbackURLs: callbacks,
					LogoutURLs: c.logoutUrls ?? [],
					AllowedOAuthFlows:
						c.oauthFlows ?? ( callbacks.length ? [ 'code' ] : [] ),
					AllowedOAuthScopes: c.oauthScopes ?? [
						'openid',
						'email',
						'phone',
						'profile',
						'aws.cognito.signin.user.admin',
					],
					SupportedIdentityProviders: [ 'COGNITO' ],
					PreventUserExistenceErrors:
						c.preventUserExistenceErrors ?? 'ENABLED',
					IdTokenValidity: c.idTokenValidityMinutes,
					AccessTokenValidity: c.accessTokenValidityMinutes,
					RefreshTokenValidity: c.refreshTokenValidityDays,
					AuthSessionValidity: c.authSessionValidityMinutes,
					TokenValidityUnits: {
						IdToken: 'minutes',
						AccessToken: 'minutes',
						RefreshToken: 'days',
					},
				},
				c.id
			);
			state.clients[ client.id ] = client;
		}
		clientIds.push( client.id );
	}
	for ( const g of seed.groups ?? [] ) {
		const key = `${ pool.id }/${ g.name }`;
		state.groups[ key ] ??= {
			poolId: pool.id,
			name: g.name,
			description: g.description,
			precedence: g.precedence,
			createdAt: ctx.clock.now(),
		};
	}
	for ( const u of seed.users ?? [] ) {
		if ( ! u.username || ! u.password ) {
			throw new Error(
				'Seed: every user needs "username" and "password".'
			);
		}
		if ( ctx.store.findUser( pool.id, u.username ) ) {
			continue;
		}
		const status = STATUS[ u.status ?? 'confirmed' ];
		if ( ! status ) {
			throw new Error(
				`Seed: user "${ u.username }" has unknown status "${ u.status }".`
			);
		}
		try {
			enforcePasswordPolicy( pool.passwordPolicy, u.password );
			const attributes = Object.fromEntries(
				Object.entries( u.attributes ?? {} ).map( ( [ k, v ] ) => [
					k,
					String( v ),
				] )
			);
			validateAttributes( attributes );
			const user = newUser(
				ctx,
				pool,
				u.username,
				u.password,
				attributes,
				status
			);
			if ( u.smsMfa && ! attributes.phone_number ) {
				throw new Error( '"smsMfa" needs a "phone_number" attribute' );
			}
			if ( u.totpSecret ) {
				base32Decode( u.totpSecret );
				user.mfa = {
					totpSecret: u.totpSecret.toUpperCase(),
					totpEnabled: true,
					smsEnabled: !! u.smsMfa,
					preferred: u.smsMfa ? undefined : 'SOFTWARE_TOKEN_MFA',
				};
			} else if ( u.smsMfa ) {
				user.mfa = {
					totpEnabled: false,
					smsEnabled: true,
					preferred: 'SMS_MFA',
				};
			}
			for ( const name of u.groups ?? [] ) {
				if ( ! state.groups[ `${ pool.id }/${ name }` ] ) {
					throw new Error(
						`group "${ name }" is not declared in "groups"`
					);
				}
				user.groups.push( name );
			}
			ctx.store.putUser( user );
		} catch ( e ) {
			throw new Error(
				`Seed: user "${ u.username }": ${ ( e as Error ).message }`
			);
		}
	}
	ctx.store.save();
	return { poolId: pool.id, clientId: clientIds[ 0 ] };
}
