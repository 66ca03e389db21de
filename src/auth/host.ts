/**
 * What src/auth takes from the JavaScript host beyond ECMAScript: timers, base64, UTF-8 and secure random
 * bytes, which browsers, Node (≥ 20), Deno and web workers all offer as globals under these names.
 *
 * They are typed here instead of through the DOM or Node type libraries, so `tsc -p src/auth` (neither library)
 * rejects every other host API: window, document, storage, fetch and cookies come in as injected services.
 * Members are read when called, so fake timers and stubs installed on globalThis by tests still apply.
 */
interface Host {
	setTimeout: ( callback: () => void, ms: number ) => unknown;
	clearTimeout: ( handle: unknown ) => void;
	atob: ( data: string ) => string;
	btoa: ( data: string ) => string;
	TextEncoder: new () => { encode: ( input: string ) => Uint8Array };
	TextDecoder: new () => { decode: ( input: Uint8Array ) => string };
	crypto: { getRandomValues: < T extends Uint8Array >( array: T ) => T };
}

export const host = globalThis as unknown as Host;
