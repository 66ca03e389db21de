/**
 * Seeding from a JSON file or object: pool, app clients, groups and users, idempotently (existing entries
 * are kept as they are, so restarting with the same seed never resets passwords changed since).
 */
import { readFileSync } from 'node:fs';
import type { Ctx } from './context';
import type { PasswordPolicy, Pool } from './types';
import { newPool } from './model';
import { newClient } from './clients';
import { CUSTOM_PREFIX, parseCustomAttributes } from './schema';
import { seedUsers, type SeedUser } from './seed-users';
import {
	seedIdentityProviders,
	type SeedIdentityProvider,
} from './identity-providers';

export type { SeedUser } from './seed-users';

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
	/** Attributes the client may read / write (ReadAttributes, WriteAttributes); default every attribute. */
	readAttributes?: string[];
	writeAttributes?: string[];
	/**
	 * SupportedIdentityProviders: COGNITO and/or names of the pool's identity providers. Default: COGNITO and every
	 * provider of the pool (providers the seed adds to the pool later are added to the client too).
	 */
	identityProviders?: string[];
	/** RefreshTokenRotation; default off. `retryGracePeriodSeconds` 0–60, default 0. */
	refreshTokenRotation?: {
		feature: 'ENABLED' | 'DISABLED';
		retryGracePeriodSeconds?: number;
	};
}

/** A custom attribute of the pool: its name (with or without `custom:`), or the name with its settings. */
export type SeedCustomAttribute =
	| string
	| {
			name: string;
			/** Default String. */
			type?: 'String' | 'Number' | 'DateTime' | 'Boolean';
			/** Default true; an immutable attribute can only be given when the user is created. */
			mutable?: boolean;
			minLength?: number;
			maxLength?: number;
	  };

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
		/** The pool's custom attributes; added to an existing pool when missing (never changed or removed). */
		customAttributes?: SeedCustomAttribute[];
		/**
		 * UserAttributeUpdateSettings. Default: no attribute kept, so a new email or phone number takes effect
		 * at once, unverified. With "email" / "phone_number" listed, the old value stays active until the new one
		 * is verified.
		 */
		attributeUpdateSettings?: {
			attributesRequireVerificationBeforeUpdate: Array<
				'email' | 'phone_number'
			>;
		};
		/** Federated identity providers; added to an existing pool when missing (never changed or removed). */
		identityProviders?: SeedIdentityProvider[];
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

const schemaOf = ( list: SeedCustomAttribute[] = [] ) =>
	list.map( ( a ) =>
		typeof a === 'string'
			? { Name: a }
			: {
					Name: a.name,
					AttributeDataType: a.type,
					Mutable: a.mutable,
					StringAttributeConstraints: {
						MinLength: a.minLength,
						MaxLength: a.maxLength,
					},
				}
	);

/** Seed errors name what they are about; Cognito's own messages (schema, clients) are kept after that. */
function seedStep< T >( what: string, run: () => T ): T {
	try {
		return run();
	} catch ( e ) {
		throw new Error( `Seed: ${ what }: ${ ( e as Error ).message }` );
	}
}

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
	const schema = schemaOf( seed.pool.customAttributes );
	if ( ! pool ) {
		pool = seedStep( 'pool', () =>
			newPool(
				ctx,
				{
					PoolName: seed.pool.name,
					Policies: {
						PasswordPolicy: seed.pool.passwordPolicy ?? {},
					},
					MfaConfiguration: seed.pool.mfa ?? 'OPTIONAL',
					AutoVerifiedAttributes: seed.pool
						.autoVerifiedAttributes ?? [ 'email' ],
					UsernameAttributes: seed.pool.usernameAttributes,
					AliasAttributes: seed.pool.aliasAttributes,
					Schema: schema,
					UserAttributeUpdateSettings: {
						AttributesRequireVerificationBeforeUpdate:
							seed.pool.attributeUpdateSettings
								?.attributesRequireVerificationBeforeUpdate,
					},
				},
				seed.pool.id
			)
		);
		state.pools[ pool.id ] = pool;
	} else {
		const known = new Set(
			( pool.customAttributes ?? [] ).map( ( a ) => a.name )
		);
		const existing = pool;
		existing.customAttributes = seedStep( 'pool', () =>
			parseCustomAttributes(
				schema.filter(
					( e ) =>
						! known.has(
							CUSTOM_PREFIX + e.Name.replace( /^custom:/, '' )
						)
				),
				existing.customAttributes,
				false
			)
		);
	}
	const addedProviders = seedIdentityProviders(
		ctx,
		pool,
		seed.pool.identityProviders
	);
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
			const target = pool;
			const rotation = c.refreshTokenRotation;
			client = seedStep( `client "${ c.name }"`, () =>
				newClient(
					ctx,
					target,
					{
						ClientName: c.name,
						ExplicitAuthFlows: c.explicitAuthFlows ?? [
							'ALLOW_USER_SRP_AUTH',
							'ALLOW_REFRESH_TOKEN_AUTH',
						],
						CallbackURLs: callbacks,
						LogoutURLs: c.logoutUrls ?? [],
						AllowedOAuthFlows:
							c.oauthFlows ??
							( callbacks.length ? [ 'code' ] : [] ),
						AllowedOAuthScopes: c.oauthScopes ?? [
							'openid',
							'email',
							'phone',
							'profile',
							'aws.cognito.signin.user.admin',
						],
						SupportedIdentityProviders: c.identityProviders ?? [
							'COGNITO',
							...( target.identityProviders ?? [] ).map(
								( p ) => p.name
							),
						],
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
						ReadAttributes: c.readAttributes,
						WriteAttributes: c.writeAttributes,
						RefreshTokenRotation: rotation && {
							Feature: rotation.feature,
							RetryGracePeriodSeconds:
								rotation.retryGracePeriodSeconds,
						},
					},
					c.id
				)
			);
			state.clients[ client.id ] = client;
		} else if ( ! c.identityProviders ) {
			// A client on the default list gets the providers this seed has just added to its pool.
			const known = client.supportedIdentityProviders;
			known.push(
				...addedProviders.filter( ( n ) => ! known.includes( n ) )
			);
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
	seedUsers( ctx, pool, seed.users ?? [] );
	ctx.store.save();
	return { poolId: pool.id, clientId: clientIds[ 0 ] };
}
