/**
 * Preloaded (`node --import`) into the Playground CLI, whose server listens on every interface and has no option
 * to choose one: servers that name no host are bound to 127.0.0.1 instead, so the development site and its
 * admin account are not reachable from the network.
 */
import net from 'node:net';

const listen = net.Server.prototype.listen;

net.Server.prototype.listen = function ( ...args ) {
	const [ first ] = args;
	if (
		typeof first === 'number' ||
		( typeof first === 'string' && /^\d+$/.test( first ) )
	) {
		if ( typeof args[ 1 ] !== 'string' ) {
			args.splice( 1, 0, '127.0.0.1' );
		}
	} else if (
		first &&
		typeof first === 'object' &&
		'port' in first &&
		! first.host &&
		! first.path
	) {
		args[ 0 ] = { ...first, host: '127.0.0.1' };
	}
	return listen.apply( this, args );
};
