import { CognitoUserAttribute } from 'amazon-cognito-identity-js';
import { describe, expect, it } from 'vitest';
import { api, cb, cognitoUser, emulatorUrl, failure, latestCode, signIn, signInOk, uniqueName, userPool } from './helpers';
import { CLIENT_ID, LEGACY_CLIENT_ID, PASSWORD } from './seed';

const signUp = ( username: string, password: string, email = `${ username }@example.com`, pool = userPool() ) =>
	cb<{ userConfirmed: boolean; userSub: string; codeDeliveryDetails: { DeliveryMedium: string } }>( ( done ) =>
		pool.signUp( username, password, [ new CognitoUserAttribute( { Name: 'email', Value: email } ) ], [], done as never )
	);

/** Signs a new user up and confirms them with the code from the outbox. */
async function confirmedUser( prefix: string ): Promise<string> {
	const name = uniqueName( prefix );
	await signUp( name, PASSWORD );
	const code = await latestCode( name, undefined, 'signup' );
	await cb( ( d ) => cognitoUser( name ).confirmRegistration( code, true, d ) );
	return name;
}

describe( 'sign-up and confirmation', () => {
	it( 'signs up, refuses sign-in until confirmed, rejects a wrong code, confirms with the outbox code', async () => {
		const name = uniqueName( 'sam' );
		const result = await signUp( name, PASSWORD );
		expect( result.userConfirmed ).toBe( false );
		expect( result.userSub ).toMatch( /^[0-9a-f-]{36}$/ );
		expect( result.codeDeliveryDetails.DeliveryMedium ).toBe( 'EMAIL' );

		const notConfirmed = await failure( signIn( name, PASSWORD ) );
		expect( notConfirmed.code ).toBe( 'UserNotConfirmedException' );
		expect( notConfirmed.message ).toBe( 'User is not confirmed.' );

		const user = cognitoUser( name );
		const wrong = await failure( cb( ( d ) => user.confirmRegistration( '000000', true, d ) ) );
		expect( wrong.code ).toBe( 'CodeMismatchException' );
		expect( wrong.message ).toBe( 'Invalid verification code provided, please try again.' );

		await cb( ( d ) => user.resendConfirmationCode( d ) );
		const code = await latestCode( name );
		expect( code ).toMatch( /^\d{6}$/ );
		await cb( ( d ) => user.confirmRegistration( code, true, d ) );

		const { session } = await signInOk( name, PASSWORD );
		expect( session.getIdToken().payload.email_verified ).toBe( true );
	} );

	it( 'rejects duplicates and passwords that break the policy, naming the rule', async () => {
		const name = uniqueName( 'pat' );
		const cases: Array<[ string, string ]> = [
			[ 'Sh0rt!', 'Password did not conform with policy: Password not long enough' ],
			[ 'alllower-case1', 'Password did not conform with policy: Password must have uppercase characters' ],
			[ 'ALLUPPER-CASE1', 'Password did not conform with policy: Password must have lowercase characters' ],
			[ 'No-Digits-Here', 'Password did not conform with policy: Password must have numeric characters' ],
			[ 'NoSymbols1234', 'Password did not conform with policy: Password must have symbol characters' ],
		];
		for ( const [ password, message ] of cases ) {
			const err = await failure( signUp( name, password ) );
			expect( err.code ).toBe( 'InvalidPasswordException' );
			expect( err.message ).toBe( message );
		}
		await signUp( name, PASSWORD );
		const dup = await failure( signUp( name, PASSWORD ) );
		expect( dup.code ).toBe( 'UsernameExistsException' );
		expect( dup.message ).toBe( 'User already exists' );
	} );

	it( 'locks a code after 5 wrong attempts', async () => {
		const name = uniqueName( 'lee' );
		await signUp( name, PASSWORD );
		const code = await latestCode( name );
		const user = cognitoUser( name );
		for ( let i = 0; i < 5; i++ ) {
			const err = await failure( cb( ( d ) => user.confirmRegistration( code === '111111' ? '222222' : '111111', true, d ) ) );
			expect( err.code ).toBe( 'CodeMismatchException' );
		}
		const locked = await failure( cb( ( d ) => user.confirmRegistration( code, true, d ) ) );
		expect( locked.code ).toBe( 'LimitExceededException' );
		expect( locked.message ).toBe( 'Attempt limit exceeded, please try after some time.' );
	} );

	it( 'hides unknown users from ENABLED clients and reveals them to LEGACY ones', async () => {
		const ghost = cognitoUser( 'ghost-user' );
		const fake = await cb<{ CodeDeliveryDetails: { Destination: string } }>( ( d ) =>
			ghost.forgotPassword( { onSuccess: ( r ) => d( null, r ), onFailure: d } )
		);
		expect( fake.CodeDeliveryDetails.Destination ).toBeTruthy();
		expect( ( await failure( cb( ( d ) => ghost.confirmRegistration( '123456', true, d ) ) ) ).code ).toBe( 'CodeMismatchException' );

		const legacyGhost = cognitoUser( 'ghost-user', userPool( LEGACY_CLIENT_ID ) );
		const err = await failure( cb( ( d ) => legacyGhost.forgotPassword( { onSuccess: ( r ) => d( null, r ), onFailure: d } ) ) );
		expect( err.code ).toBe( 'UserNotFoundException' );
	} );
} );

describe( 'passwords', () => {
	it( 'resets a forgotten password with the emailed code, enforcing the policy', async () => {
		const name = await confirmedUser( 'rae' );
		const user = cognitoUser( name );
		await cb( ( d ) => user.forgotPassword( { onSuccess: ( r ) => d( null, r ), onFailure: d } ) );
		const code = await latestCode( name, undefined, 'reset' );
		const weak = await failure( cb( ( d ) => user.confirmPassword( code, 'weak', { onSuccess: () => d( null ), onFailure: d } ) ) );
		expect( weak.code ).toBe( 'InvalidPasswordException' );
		const wrong = await failure( cb( ( d ) => user.confirmPassword( code === '123456' ? '654321' : '123456', 'N3w-Password!', { onSuccess: () => d( null ), onFailure: d } ) ) );
		expect( wrong.code ).toBe( 'CodeMismatchException' );
		await cb( ( d ) => user.confirmPassword( code, 'N3w-Password!', { onSuccess: () => d( null ), onFailure: d } ) );
		expect( ( await failure( signIn( name, PASSWORD ) ) ).code ).toBe( 'NotAuthorizedException' );
		await signInOk( name, 'N3w-Password!' );
	} );

	it( 'changes the password of a signed-in user', async () => {
		const name = await confirmedUser( 'kim' );
		const { user } = await signInOk( name, PASSWORD );
		const wrongOld = await failure( cb( ( d ) => user.changePassword( 'Wrong-0ld!', 'An0ther-Pass!', d ) ) );
		expect( wrongOld.code ).toBe( 'NotAuthorizedException' );
		const weak = await failure( cb( ( d ) => user.changePassword( PASSWORD, 'weakpass', d ) ) );
		expect( weak.code ).toBe( 'InvalidPasswordException' );
		await cb( ( d ) => user.changePassword( PASSWORD, 'An0ther-Pass!', d ) );
		await signInOk( name, 'An0ther-Pass!' );
	} );

	it( 'allows USER_PASSWORD_AUTH only for clients that enable it', async () => {
		const body = ( clientId: string ) => ( { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'bob', PASSWORD } } );
		const refused = await api( 'InitiateAuth', body( CLIENT_ID ) );
		expect( refused.json ).toEqual( { __type: 'InvalidParameterException', message: 'USER_PASSWORD_AUTH flow not enabled for this client' } );
		const allowed = await api( 'InitiateAuth', body( LEGACY_CLIENT_ID ) );
		expect( allowed.json.AuthenticationResult.AccessToken ).toBeTruthy();
		const wrong = await api( 'InitiateAuth', { ...body( LEGACY_CLIENT_ID ), AuthParameters: { USERNAME: 'bob', PASSWORD: 'nope' } } );
		expect( wrong.json.message ).toBe( 'Incorrect username or password.' );
	} );
} );

async function freshUser() {
	const name = await confirmedUser( 'uma' );
	return { name, ...( await signInOk( name, PASSWORD ) ) };
}

describe( 'signed-in user operations', () => {
	it( 'reads and updates attributes, verifying a changed email with a code', async () => {
		const { name, user } = await freshUser();
		const attrs = await cb<CognitoUserAttribute[]>( ( d ) => user.getUserAttributes( d as never ) );
		expect( attrs.find( ( a ) => a.getName() === 'email' )?.getValue() ).toBe( `${ name }@example.com` );

		await cb( ( d ) => user.updateAttributes( [ new CognitoUserAttribute( { Name: 'email', Value: `${ name }@new.example` } ), new CognitoUserAttribute( { Name: 'custom:team', Value: 'red' } ) ], d as never ) );
		const after = await cb<CognitoUserAttribute[]>( ( d ) => user.getUserAttributes( d as never ) );
		const get = ( n: string ) => after.find( ( a ) => a.getName() === n )?.getValue();
		expect( get( 'email' ) ).toBe( `${ name }@new.example` );
		expect( get( 'email_verified' ) ).toBe( 'false' );
		expect( get( 'custom:team' ) ).toBe( 'red' );

		const wrong = await failure( cb( ( d ) => user.verifyAttribute( 'email', '000000', { onSuccess: () => d( null ), onFailure: d } ) ) );
		expect( wrong.code ).toBe( 'CodeMismatchException' );
		await cb( ( d ) => user.getAttributeVerificationCode( 'email', { onSuccess: () => d( null ), onFailure: d } ) );
		const code = await latestCode( name, undefined, 'verify' );
		await cb( ( d ) => user.verifyAttribute( 'email', code, { onSuccess: () => d( null ), onFailure: d } ) );
		const verified = await cb<CognitoUserAttribute[]>( ( d ) => user.getUserAttributes( d as never ) );
		expect( verified.find( ( a ) => a.getName() === 'email_verified' )?.getValue() ).toBe( 'true' );
	} );

	it( 'refreshes the session, and GlobalSignOut revokes access and refresh tokens', async () => {
		const { user, session } = await freshUser();
		const refreshed = await cb<{ getIdToken(): { payload: Record<string, unknown> } }>( ( d ) => user.refreshSession( session.getRefreshToken(), d ) );
		expect( refreshed.getIdToken().payload.origin_jti ).toBe( session.getIdToken().payload.origin_jti );
		await cb( ( d ) => user.globalSignOut( { onSuccess: () => d( null ), onFailure: d } ) );
		const access = await api( 'GetUser', { AccessToken: session.getAccessToken().getJwtToken() } );
		expect( access.json ).toEqual( { __type: 'NotAuthorizedException', message: 'Access Token has been revoked' } );
		const refresh = await api( 'InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: CLIENT_ID, AuthParameters: { REFRESH_TOKEN: session.getRefreshToken().getToken() } } );
		expect( refresh.json ).toEqual( { __type: 'NotAuthorizedException', message: 'Refresh Token has been revoked' } );
	} );

	it( 'revokes one sign-in through signOut(callback) (RevokeToken) and leaves others alone', async () => {
		const { name, session: other } = await freshUser();
		const { user, session } = await signInOk( name, PASSWORD );
		await new Promise<void>( ( resolve, reject ) => user.signOut( ( err?: unknown ) => ( err ? reject( err ) : resolve() ) ) );
		const revoked = await api( 'InitiateAuth', { AuthFlow: 'REFRESH_TOKEN', ClientId: CLIENT_ID, AuthParameters: { REFRESH_TOKEN: session.getRefreshToken().getToken() } } );
		expect( revoked.json.message ).toBe( 'Refresh Token has been revoked' );
		expect( ( await api( 'GetUser', { AccessToken: session.getAccessToken().getJwtToken() } ) ).json.message ).toBe( 'Access Token has been revoked' );
		const still = await api( 'GetUser', { AccessToken: other.getAccessToken().getJwtToken() } );
		expect( still.json.Username ).toBe( name );
	} );

	it( 'deletes the user', async () => {
		const { name, user } = await freshUser();
		await cb( ( d ) => user.deleteUser( d ) );
		const err = await failure( signIn( name, PASSWORD, userPool( LEGACY_CLIENT_ID ) ) );
		expect( err.code ).toBe( 'UserNotFoundException' );
	} );

	it( 'rejects a forged access token', async () => {
		const { session } = await freshUser();
		const [ h, p, s ] = session.getAccessToken().getJwtToken().split( '.' );
		const payload = JSON.parse( Buffer.from( p!, 'base64url' ).toString() );
		payload.username = 'alice';
		const forged = `${ h }.${ Buffer.from( JSON.stringify( payload ) ).toString( 'base64url' ) }.${ s }`;
		expect( ( await api( 'GetUser', { AccessToken: forged } ) ).json.__type ).toBe( 'NotAuthorizedException' );
	} );
} );

describe( 'wire format', () => {
	it( 'answers errors as HTTP 400 with __type and message', async () => {
		const res = await api( 'InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: 'nope', AuthParameters: {} } );
		expect( res.status ).toBe( 400 );
		expect( res.json.__type ).toBe( 'ResourceNotFoundException' );
		expect( res.headers.get( 'content-type' ) ).toBe( 'application/x-amz-json-1.1' );
		expect( ( await api( 'NoSuchOperation', {} ) ).json.__type ).toBe( 'UnknownOperationException' );
	} );

	it( 'answers CORS preflights with 204 and the SDK headers', async () => {
		const res = await fetch( `${ emulatorUrl() }/`, {
			method: 'OPTIONS',
			headers: { Origin: 'http://127.0.0.1:5555', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-amz-target,content-type' },
		} );
		expect( res.status ).toBe( 204 );
		expect( res.headers.get( 'access-control-allow-origin' ) ).toBe( 'http://127.0.0.1:5555' );
		const allowed = res.headers.get( 'access-control-allow-headers' )?.toLowerCase() ?? '';
		for ( const h of [ 'x-amz-target', 'x-amz-user-agent', 'content-type', 'cache-control', 'authorization', 'amz-sdk-invocation-id', 'amz-sdk-request' ] ) {
			expect( allowed ).toContain( h );
		}
		const health = await fetch( `${ emulatorUrl() }/_emulator/health`, { headers: { Origin: 'http://127.0.0.1:5555' } } );
		expect( health.status ).toBe( 200 );
		expect( health.headers.get( 'access-control-allow-origin' ) ).toBe( 'http://127.0.0.1:5555' );
	} );
} );
