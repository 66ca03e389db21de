<?php
/**
 * Runs a program to completion from an integration test.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

final class Process {

	/**
	 * Runs a command (no shell), feeding it standard input: a secret given this way never shows in a process list.
	 *
	 * @param list<string> $command Program and arguments.
	 * @param string       $input   Standard input.
	 * @return array{code:int,out:string,err:string}
	 */
	public static function run( array $command, string $input = '' ): array {
		$process = proc_open( $command, array( 0 => array( 'pipe', 'r' ), 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ), $pipes );
		if ( ! is_resource( $process ) ) {
			throw new \RuntimeException( 'could not start ' . $command[0] );
		}
		fwrite( $pipes[0], $input );
		fclose( $pipes[0] );
		$out = (string) stream_get_contents( $pipes[1] );
		$err = (string) stream_get_contents( $pipes[2] );
		fclose( $pipes[1] );
		fclose( $pipes[2] );
		return array(
			'code' => proc_close( $process ),
			'out'  => $out,
			'err'  => $err,
		);
	}
}
