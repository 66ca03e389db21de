/**
 * A hand-driven SRP exchange built from amazon-cognito-identity-js's own AuthenticationHelper, so tests can
 * replay, tamper with or delay the PASSWORD_VERIFIER step the library normally sends in one go.
 */
import { createHmac } from 'node:crypto';
import * as cognitoJs from 'amazon-cognito-identity-js';
import { api } from './helpers';

interface Helper {
	N: { constructor: new ( hex: string, radix: number ) => unknown };
	getLargeAValue: (
		cb: ( err: unknown, A: { toString: ( r: number ) => string } ) => void
	) => void;
	getPasswordAuthenticationKey: (
		user: string,
		pw: string,
		B: unknown,
		salt: unknown,
		cb: ( err: unknown, key: Buffer ) => void
	) => void;
}
const { AuthenticationHelper, DateHelper } = cognitoJs as unknown as {
	AuthenticationHelper: new ( poolName: string ) => Helper;
	DateHelper: new () => { getNowString: () => string };
};

export async function srpInitiate(
	url: string,
	clientId: string,
	username: string,
	srpA?: string
) {
	const helper = new AuthenticationHelper( 'x' );
	const A =
		srpA ??
		( await new Promise< string >( ( r ) =>
			helper.getLargeAValue( ( _e, a ) => r( a.toString( 16 ) ) )
		) );
	return api(
		'InitiateAuth',
		{
			AuthFlow: 'USER_SRP_AUTH',
			ClientId: clientId,
			AuthParameters: { USERNAME: username, SRP_A: A },
		},
		url
	);
}

/** Runs InitiateAuth and computes the PASSWORD_VERIFIER responses exactly as the library does. */
export async function srpResponses(
	url: string,
	poolId: string,
	clientId: string,
	username: string,
	password: string,
	timestamp?: string
) {
	const poolName = poolId.split( '_' )[ 1 ] ?? '';
	const helper = new AuthenticationHelper( poolName );
	const A = await new Promise< string >( ( r ) =>
		helper.getLargeAValue( ( _e, a ) => r( a.toString( 16 ) ) )
	);
	const init = await srpInitiate( url, clientId, username, A );
	const p = init.json.ChallengeParameters as Record< string, string >;
	const BigInteger = helper.N.constructor;
	const key = await new Promise< Buffer >( ( resolve, reject ) =>
		helper.getPasswordAuthenticationKey(
			p.USER_ID_FOR_SRP!,
			password,
			new BigInteger( p.SRP_B!, 16 ),
			new BigInteger( p.SALT!, 16 ),
			( e, k ) => ( e ? reject( e ) : resolve( k ) )
		)
	);
	const ts = timestamp ?? new DateHelper().getNowString();
	const signature = createHmac( 'sha256', key )
		.update(
			Buffer.concat( [
				Buffer.from( poolName ),
				Buffer.from( p.USER_ID_FOR_SRP! ),
				Buffer.from( p.SECRET_BLOCK!, 'base64' ),
				Buffer.from( ts ),
			] )
		)
		.digest( 'base64' );
	return {
		init,
		responses: {
			USERNAME: p.USER_ID_FOR_SRP!,
			PASSWORD_CLAIM_SECRET_BLOCK: p.SECRET_BLOCK!,
			TIMESTAMP: ts,
			PASSWORD_CLAIM_SIGNATURE: signature,
		},
	};
}

export const respond = (
	url: string,
	clientId: string,
	responses: Record< string, string >
) =>
	api(
		'RespondToAuthChallenge',
		{
			ChallengeName: 'PASSWORD_VERIFIER',
			ClientId: clientId,
			ChallengeResponses: responses,
		},
		url
	);
