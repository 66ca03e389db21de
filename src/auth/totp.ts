/**
 * The otpauth:// URI authenticator apps read from a QR code (Google Authenticator "Key Uri Format").
 * Cognito issues 30-second, 6-digit SHA-1 codes, which are the format's defaults, so only the label,
 * secret and issuer are needed.
 * @param secret
 * @param accountName
 * @param issuer
 */
export function otpauthUri(
	secret: string,
	accountName: string,
	issuer: string
): string {
	const label = issuer
		? `${ encodeURIComponent( issuer ) }:${ encodeURIComponent( accountName ) }`
		: encodeURIComponent( accountName );
	const params = [ `secret=${ encodeURIComponent( secret ) }` ];
	if ( issuer ) {
		params.push( `issuer=${ encodeURIComponent( issuer ) }` );
	}
	return `otpauth://totp/${ label }?${ params.join( '&' ) }`;
}
