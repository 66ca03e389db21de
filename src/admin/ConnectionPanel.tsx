/**
 * "Test connection": the server's checks (pool reachable, issuer, keys, clock) for the values in the form, saved
 * or not, then the browser's app client check (probe.ts). Each line is marked with a word and an icon, not by
 * colour alone, and the result is announced to screen readers.
 */
import apiFetch from '@wordpress/api-fetch';
import { Button, Spinner } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import { useState } from 'react';
import { probeClient, type ProbeConfig } from './probe';
import type { Values } from './types';

export interface Line {
	id: string;
	ok: boolean;
	label: string;
	detail: string;
}

interface ServerAnswer {
	lines: Line[];
	client: ProbeConfig;
}

export interface ConnectionPanelProps {
	path: string;
	/** The connection settings as the form holds them now. */
	values: Values;
	/** Replaced by tests; the real probe otherwise. */
	probe?: typeof probeClient;
}

export function ConnectionPanel( {
	path,
	values,
	probe = probeClient,
}: ConnectionPanelProps ) {
	const [ lines, setLines ] = useState< Line[] | null >( null );
	const [ busy, setBusy ] = useState( false );

	async function run() {
		setBusy( true );
		setLines( null );
		try {
			const answer = await apiFetch< ServerAnswer >( {
				path,
				method: 'POST',
				data: values,
			} );
			const found = [ ...answer.lines ];
			// The client check needs a pool and client; without them the server's first line says what is missing.
			if ( answer.client.userPoolId && answer.client.clientId ) {
				found.push( await probe( answer.client ) );
			}
			setLines( found );
		} catch ( error ) {
			const message =
				error && typeof error === 'object' && 'message' in error
					? String( ( error as { message: unknown } ).message )
					: '';
			setLines( [
				{
					id: 'request',
					ok: false,
					label: __( 'The test could not run', 'cognito-blocks' ),
					detail: message,
				},
			] );
		} finally {
			setBusy( false );
		}
	}

	return (
		<div className="cognito-blocks-admin__connection">
			<Button
				variant="secondary"
				onClick={ run }
				isBusy={ busy }
				disabled={ busy }
				__next40pxDefaultSize
			>
				{ __( 'Test connection', 'cognito-blocks' ) }
			</Button>
			<div role="status" aria-live="polite">
				{ busy && (
					<p>
						<Spinner />
						{ __( 'Testing the connection…', 'cognito-blocks' ) }
					</p>
				) }
				{ lines && (
					<ul className="cognito-blocks-admin__lines">
						{ lines.map( ( line ) => (
							<li
								key={ line.id }
								className={ line.ok ? 'is-ok' : 'is-bad' }
								data-check={ line.id }
							>
								<span
									className="cognito-blocks-admin__mark"
									aria-hidden="true"
								>
									{ line.ok ? '✓' : '✕' }
								</span>
								<strong>
									{ line.ok
										? __( 'OK:', 'cognito-blocks' )
										: __(
												'Problem:',
												'cognito-blocks'
											) }{ ' ' }
									{ line.label }
								</strong>
								{ line.detail && <span> { line.detail }</span> }
							</li>
						) ) }
					</ul>
				) }
			</div>
		</div>
	);
}
