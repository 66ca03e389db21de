/**
 * The QR image of the authenticator set-up URI. The QR encoder is loaded with a dynamic import, so webpack puts
 * it in its own chunk (build/qr-code.js) that only visitors who reach the MFA_SETUP step download; the sign-in
 * page's initial scripts stay without it.
 */
import { useEffect, useState } from 'react';

/**
 * Four modules of light margin all round: the quiet zone the QR specification asks for, so scanners find the
 * code even when the form sits on a dark or patterned background.
 */
const QUIET_ZONE = 4;

/**
 * An SVG string as a data URL for an <img>. Percent-encoding keeps it shorter than base64 for path data.
 * @param svg
 */
export function svgDataUrl( svg: string ): string {
	return `data:image/svg+xml,${ encodeURIComponent( svg ) }`;
}

/**
 * Draws `text` (an `otpauth://` URI) as a QR code and returns it as an SVG data URL.
 * @param text
 */
export async function qrDataUrl( text: string ): Promise< string > {
	const { renderSVG } = await import(
		/* webpackChunkName: "qr-code" */ 'uqr'
	);
	return svgDataUrl(
		// Medium error correction: survives a glare or a smudged screen at a still small module count.
		renderSVG( text, { ecc: 'M', border: QUIET_ZONE } )
	);
}

/**
 * The QR data URL of `uri` once drawn; undefined while the chunk loads, or for good when it cannot be loaded
 * (the setup key and the `otpauth:` link are shown either way, so the step still works without the image).
 * @param uri
 */
export function useQrDataUrl( uri: string | undefined ): string | undefined {
	const [ drawn, setDrawn ] = useState< { uri: string; url: string } >();
	useEffect( () => {
		if ( ! uri ) {
			return undefined;
		}
		let current = true;
		qrDataUrl( uri ).then(
			( url ) => current && setDrawn( { uri, url } ),
			() => undefined
		);
		return () => {
			current = false;
		};
	}, [ uri ] );
	// A new secret must never show the previous secret's code, even for the moment before it is redrawn.
	return drawn && drawn.uri === uri ? drawn.url : undefined;
}
