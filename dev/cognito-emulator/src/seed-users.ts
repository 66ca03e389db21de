/** Seeded users: status, attributes, TOTP / SMS MFA and groups; existing users are left as they are. */
import type { Ctx } from './context';
import type { Pool, UserStatus } from './types';
import { newUser } from './model';
import { enforcePasswordPolicy } from './policy';
import { base32Decode } from './totp';
import { validateAttributes } from './schema';

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

const STATUS: Record< string, UserStatus > = {
	confirmed: 'CONFIRMED',
	unconfirmed: 'UNCONFIRMED',
	'force-change-password': 'FORCE_CHANGE_PASSWORD',
};

/** Throws a plain Error naming the user on bad seed data. */
export function seedUsers( ctx: Ctx, pool: Pool, users: SeedUser[] ): void {
	for ( const u of users ) {
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
			validateAttributes( pool, attributes );
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
				if ( ! ctx.store.state.groups[ `${ pool.id }/${ name }` ] ) {
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
}
