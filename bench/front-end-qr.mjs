/**
 * (e) The authenticator set-up step's QR chunk on a real page: it must not load with the sign-in page, must load
 * from the plugin's build folder when the step appears, and must draw a decodable image.
 *
 * The bench pool lets users choose MFA (OPTIONAL), so no seeded user meets MFA_SETUP. The page therefore signs
 * in for real, and only the emulator's answer to the password step is replaced by an MFA_SETUP challenge and
 * AssociateSoftwareToken by a fixed secret: the browser, WordPress and the plugin's chunk loading stay real.
 */
import { gzipSync } from 'node:zlib';
import {
	PLUGIN_PATH,
	fillSignIn,
	freshPage,
	kb,
	openForm,
} from './browser.mjs';

const SECRET = 'JBSWY3DPEHPK3PXP';

/** Replaces two emulator answers so the flow reaches MFA_SETUP; every other call goes through untouched. */
async function routeToMfaSetup( context, emulatorUrl ) {
	const origin = new URL( emulatorUrl ).origin;
	await context.route(
		( url ) => url.origin === origin,
		async ( route ) => {
			const target = route.request().headers()[ 'x-amz-target' ] ?? '';
			const fake = target.endsWith( '.RespondToAuthChallenge' )
				? {
						ChallengeName: 'MFA_SETUP',
						Session: 'bench-mfa-setup-session',
						ChallengeParameters: {
							MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]',
						},
					}
				: target.endsWith( '.AssociateSoftwareToken' ) && {
						SecretCode: SECRET,
						Session: 'bench-mfa-setup-session-2',
					};
			if ( ! fake ) {
				await route.continue();
				return;
			}
			// The real response supplies the CORS headers the browser checks; only status and body are swapped.
			const response = await route.fetch();
			await route.fulfill( {
				response,
				status: 200,
				body: JSON.stringify( fake ),
			} );
		}
	);
}

export async function measureQrChunk( browser, env, url, user, log ) {
	const { context, page } = await freshPage( browser );
	try {
		await routeToMfaSetup( context, env.EMULATOR_URL );
		const chunks = [];
		page.on( 'response', ( response ) => {
			if ( /\/qr-code\.js(\?|$)/.test( response.url() ) ) {
				chunks.push( response );
			}
		} );
		await openForm( page, url );
		await page.waitForLoadState( 'networkidle' ).catch( () => {} );
		const onLoad = chunks.length;
		const submit = await fillSignIn( page, user );
		await submit.click();
		const image = page.getByRole( 'img', { name: /QR code/ } );
		await image.waitFor( { state: 'visible' } );
		const drawn = await image.evaluate(
			( img ) => img.complete && img.naturalWidth > 0
		);
		const alt = await image.getAttribute( 'alt' );
		log(
			`  with the sign-in page: ${ onLoad ? 'loaded (it should not be)' : 'not loaded' }`
		);
		if ( ! chunks.length ) {
			log( '  on the MFA_SETUP step: no qr-code.js request seen' );
			return;
		}
		const chunk = chunks[ 0 ];
		const body = await chunk.body();
		const path = new URL( chunk.url() ).pathname;
		const underBuild = path.includes( `${ PLUGIN_PATH }build/` );
		log(
			`  on the MFA_SETUP step: ${ path } → ${ chunk.status() }, ${ underBuild ? "under the plugin's build folder" : 'NOT under the build folder' }`
		);
		log(
			`  chunk size: ${ body.length } B raw, ${ gzipSync( body, { level: 9 } ).length } B gzip (${ kb( gzipSync( body, { level: 9 } ).length ) })`
		);
		log( `  image: ${ drawn ? 'drawn' : 'NOT drawn' }, alt "${ alt }"` );
	} finally {
		await context.close();
	}
}
