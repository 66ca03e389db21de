/** The hosted UI's sign-in page: plain HTML, no script, posting back to /login with the authorize query. */
const esc = ( s: string ) =>
	s.replace( /[&<>"']/g, ( c ) => `&#${ c.charCodeAt( 0 ) };` );

export function loginPage(
	query: URLSearchParams,
	error: string,
	username = ''
): string {
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in</title>
<style>body{font:16px system-ui,sans-serif;max-width:22rem;margin:4rem auto;padding:0 1rem}
label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.5rem;box-sizing:border-box}
button{margin-top:1rem;padding:.6rem 1.2rem}.error{color:#b00020}</style></head>
<body><h1>Sign in</h1><p><small>Cognito emulator hosted UI</small></p>
${ error ? `<p class="error" role="alert">${ esc( error ) }</p>` : '' }
<form method="post" action="/login?${ esc( query.toString() ) }">
<label for="username">Username</label><input id="username" name="username" autocomplete="username" value="${ esc( username ) }" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<label for="totp">Authenticator code (only if MFA is on)</label><input id="totp" name="totp" inputmode="numeric" autocomplete="one-time-code">
<button type="submit">Sign in</button></form></body></html>`;
}
