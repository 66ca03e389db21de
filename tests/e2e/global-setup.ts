/**
 * Starts the test stack when Playwright runs without one (tests/run.mjs normally provides WP_URL and friends).
 */
import { startTestStack } from '../support/stack.mjs';

export default async function globalSetup(): Promise<
	undefined | ( () => Promise< void > )
> {
	if ( process.env.WP_URL ) {
		return undefined;
	}
	const stack = await startTestStack( {
		log: ( line: string ) => console.log( `[stack] ${ line }` ),
	} );
	Object.assign( process.env, stack.env );
	return stack.stop;
}
