/** Modules inside amazon-cognito-identity-js that tests compare the shims with (the package declares no types). */
declare module 'amazon-cognito-identity-js/es/BigInteger.js';
