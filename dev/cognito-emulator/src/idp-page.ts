/** The simulated identity provider's sign-in page: plain HTML, no script. */
import type { IdentityProvider } from './types';
import { esc } from './authorize';

const LABELS: Record< string, string > = {
	LoginWithAmazon: 'Amazon',
	SignInWithApple: 'Apple',
};

/** How the hosted UI names a provider on its buttons: "Continue with Google", "Continue with Apple", … */
export const providerLabel = ( p: IdentityProvider ) =>
	LABELS[ p.type ] ?? p.name;

/** Providers that vouch for the addresses they hand over; the page's "verified" box starts ticked for them. */
const VERIFIES_EMAIL = new Set( [ 'Google', 'SignInWithApple' ] );

export function idpPage(
	provider: IdentityProvider,
	state: string,
	error = '',
	values: { email?: string; name?: string } = {}
): string {
	const kind =
		provider.type === 'SAML' || provider.type === 'OIDC'
			? `simulated ${ provider.type } provider`
			: 'simulated provider';
	const title = `Sign in with ${ providerLabel( provider ) } (${ kind })`;
	const checked = VERIFIES_EMAIL.has( provider.type ) ? ' checked' : '';
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${ esc( title ) }</title>
<style>body{font:16px system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem}
label{display:block;margin:.8rem 0 .2rem}input:not([type=checkbox]){width:100%;padding:.5rem;box-sizing:border-box}
button{margin:1rem .5rem 0 0;padding:.6rem 1.2rem}.error{color:#b00020}</style></head>
<body><h1>${ esc( title ) }</h1>
<p><small>Cognito emulator: no real ${ esc( providerLabel( provider ) ) } account is involved. Whoever you enter here signs in.</small></p>
${ error ? `<p class="error" role="alert">${ esc( error ) }</p>` : '' }
<form method="post">
<input type="hidden" name="state" value="${ esc( state ) }">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="email" value="${ esc( values.email ?? '' ) }" required>
<label for="name">Name</label><input id="name" name="name" autocomplete="name" value="${ esc( values.name ?? '' ) }">
<label><input name="email_verified" type="checkbox" value="true"${ checked }> The provider has verified this email address</label>
<button type="submit" name="action" value="continue">Continue</button>
<button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
</form></body></html>`;
}
