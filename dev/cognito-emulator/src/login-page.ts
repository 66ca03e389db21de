/**
 * The hosted UI's sign-in page: plain HTML, no script. The password form posts back to /login with the authorize
 * query; each external provider of the app client gets a "Continue with …" link to /oauth2/authorize with that
 * `identity_provider`, as Cognito's hosted UI shows them.
 */
import type { IdentityProvider } from './types';
import { esc } from './authorize';
import { providerLabel } from './idp-page';

export function loginPage(
	query: URLSearchParams,
	error: string,
	username = '',
	providers: IdentityProvider[] = [],
	passwordForm = true
): string {
	const buttons = providers
		.map( ( p ) => {
			const q = new URLSearchParams( query );
			q.set( 'identity_provider', p.name );
			return `<p><a class="idp" href="/oauth2/authorize?${ esc( q.toString() ) }">Continue with ${ esc( providerLabel( p ) ) }</a></p>`;
		} )
		.join( '\n' );
	const form = passwordForm
		? `<form method="post" action="/login?${ esc( query.toString() ) }">
<label for="username">Username</label><input id="username" name="username" autocomplete="username" value="${ esc( username ) }" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<label for="totp">Authenticator code (only if MFA is on)</label><input id="totp" name="totp" inputmode="numeric" autocomplete="one-time-code">
<button type="submit">Sign in</button></form>`
		: '';
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in</title>
<style>body{font:16px system-ui,sans-serif;max-width:22rem;margin:4rem auto;padding:0 1rem}
label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.5rem;box-sizing:border-box}
button{margin-top:1rem;padding:.6rem 1.2rem}.error{color:#b00020}
a.idp{display:block;padding:.6rem;border:1px solid #888;border-radius:4px;text-align:center;text-decoration:none}</style></head>
<body><h1>Sign in</h1><p><small>Cognito emulator hosted UI</small></p>
${ error ? `<p class="error" role="alert">${ esc( error ) }</p>` : '' }
${ buttons }
${ buttons && form ? '<p>or</p>' : '' }
${ form }</body></html>`;
}
