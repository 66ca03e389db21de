/**
 * Settings › Cognito Blocks: one card per section of the settings table, read and saved through core's REST
 * settings endpoint. Errors show on their fields before anything is sent; a value the server did not keep as
 * typed (an invalid list entry, a refused meta key) stays in the form with a message instead of vanishing; leaving
 * with unsaved changes asks first.
 */
import apiFetch from '@wordpress/api-fetch';
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Notice,
	Spinner,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ConnectionPanel } from './ConnectionPanel';
import { draftsOf, fromDraft, keptAsSent, toDraft, valuesOf } from './drafts';
import { FieldControl } from './FieldControl';
import { fieldError } from './validate';
import type { BootData, SiteOverrides, Values } from './types';

type Status =
	| { kind: 'loading' }
	| { kind: 'ready' }
	| { kind: 'load-failed'; message: string };

type Message = { status: 'success' | 'error' | 'warning'; text: string } | null;

/**
 * The settings a refusal names: core's `[name]` in its message, or the `params` map this plugin's routes send.
 * @param error  What apiFetch threw.
 * @param text   Its message.
 * @param fields The settings' names.
 */
function refusedFields(
	error: unknown,
	text: string,
	fields: string[]
): Record< string, string > {
	const params = ( error as { data?: { params?: unknown } } | null )?.data
		?.params;
	const found: Record< string, string > = {};
	if ( params && typeof params === 'object' ) {
		for ( const [ name, message ] of Object.entries( params ) ) {
			if ( fields.includes( name ) ) {
				found[ name ] = String( message );
			}
		}
	}
	// Core names the setting in its message: cognito_blocks_settings[user_pool_id] …
	const match = /\[(\w+)\]/.exec( text );
	if ( match?.[ 1 ] && fields.includes( match[ 1 ] ) ) {
		found[ match[ 1 ] ] ??= text;
	}
	return found;
}

function errorText( error: unknown ): string {
	return error && typeof error === 'object' && 'message' in error
		? String( ( error as { message: unknown } ).message )
		: __( 'The server did not answer.', 'cognito-blocks' );
}

export function SettingsApp( { boot }: { boot: BootData } ) {
	const { fields, option, roles } = boot;
	const [ status, setStatus ] = useState< Status >( { kind: 'loading' } );
	const [ drafts, setDrafts ] = useState< Values >( {} );
	const [ saved, setSaved ] = useState< Values >( {} );
	const [ errors, setErrors ] = useState< Record< string, string > >( {} );
	const [ message, setMessage ] = useState< Message >( null );
	const [ saving, setSaving ] = useState( false );
	/** On a site of a network: the settings it takes from the network (null until known, or on a single site). */
	const [ inherited, setInherited ] = useState< string[] | null >( null );
	const form = useRef< HTMLFormElement >( null );
	const { settingsPath, overridesPath } = boot;

	function loadOverrides() {
		if ( ! overridesPath ) {
			return Promise.resolve();
		}
		return apiFetch< SiteOverrides >( { path: overridesPath } ).then(
			( answer ) => setInherited( answer.inherited ),
			() => setInherited( null )
		);
	}

	useEffect( () => {
		Promise.all( [
			apiFetch< Record< string, Values > >( { path: settingsPath } ),
			loadOverrides(),
		] ).then(
			( [ answer ] ) => {
				const next = draftsOf( fields, answer[ option ] ?? {} );
				setDrafts( next );
				setSaved( next );
				setStatus( { kind: 'ready' } );
			},
			( error: unknown ) =>
				setStatus( {
					kind: 'load-failed',
					message: errorText( error ),
				} )
		);
		// eslint-disable-next-line react-hooks/exhaustive-deps -- Loaded once; the paths never change.
	}, [ fields, option, settingsPath ] );

	const dirty = useMemo(
		() => JSON.stringify( drafts ) !== JSON.stringify( saved ),
		[ drafts, saved ]
	);

	useEffect( () => {
		if ( ! dirty ) {
			return undefined;
		}
		const warn = ( event: BeforeUnloadEvent ) => {
			event.preventDefault();
			event.returnValue = '';
		};
		window.addEventListener( 'beforeunload', warn );
		return () => window.removeEventListener( 'beforeunload', warn );
	}, [ dirty ] );

	function change( name: string, draft: unknown ) {
		setDrafts( ( current ) => ( { ...current, [ name ]: draft } ) );
		setErrors( ( { [ name ]: _fixed, ...rest } ) => rest );
	}

	function focusFirstError( names: string[] ) {
		window.requestAnimationFrame( () => {
			const first = fields.find( ( field ) =>
				names.includes( field.name )
			);
			const target = first
				? form.current?.querySelector< HTMLElement >(
						`[data-setting="${ first.name }"] input, [data-setting="${ first.name }"] select, [data-setting="${ first.name }"] textarea`
					)
				: null;
			target?.focus();
		} );
	}

	async function save( event: React.FormEvent ) {
		event.preventDefault();
		const found: Record< string, string > = {};
		for ( const field of fields ) {
			const error = fieldError( field, drafts[ field.name ], roles );
			if ( error ) {
				found[ field.name ] = error;
			}
		}
		setErrors( found );
		if ( Object.keys( found ).length ) {
			setMessage( {
				status: 'error',
				text: __(
					'Nothing was saved: fix the fields marked below.',
					'cognito-blocks'
				),
			} );
			focusFirstError( Object.keys( found ) );
			return;
		}
		setSaving( true );
		setMessage( null );
		const sent = valuesOf( fields, drafts );
		try {
			const answer = await apiFetch< Record< string, Values > >( {
				path: settingsPath,
				method: 'POST',
				data: { [ option ]: sent },
			} );
			const stored = answer[ option ] ?? {};
			const storedDrafts = draftsOf( fields, stored );
			const refused: Record< string, string > = {};
			const next: Values = { ...storedDrafts };
			for ( const field of fields ) {
				if (
					! field.pinned &&
					! keptAsSent(
						field,
						sent[ field.name ],
						stored[ field.name ]
					)
				) {
					refused[ field.name ] = sprintf(
						/* translators: %s: the value as it was saved. */
						__(
							'Not saved as typed; the site kept: %s. Correct the entry and save again.',
							'cognito-blocks'
						),
						JSON.stringify( stored[ field.name ] )
					);
					next[ field.name ] = drafts[ field.name ];
				}
			}
			setSaved( storedDrafts );
			setDrafts( next );
			setErrors( refused );
			await loadOverrides();
			setMessage(
				Object.keys( refused ).length
					? {
							status: 'warning',
							text: __(
								'Saved, but some values were not kept as typed: see the fields marked below.',
								'cognito-blocks'
							),
						}
					: {
							status: 'success',
							text: __( 'Settings saved.', 'cognito-blocks' ),
						}
			);
			focusFirstError( Object.keys( refused ) );
		} catch ( error ) {
			const text = errorText( error );
			const named = refusedFields(
				error,
				text,
				fields.map( ( field ) => field.name )
			);
			if ( Object.keys( named ).length ) {
				setErrors( named );
			}
			setMessage( {
				status: 'error',
				text: sprintf(
					/* translators: %s: the server's message. */
					__( 'The settings were not saved: %s', 'cognito-blocks' ),
					text
				),
			} );
		} finally {
			setSaving( false );
		}
	}

	/**
	 * Hands one setting back to the network's default, keeping every other unsaved change.
	 * @param name The setting.
	 */
	async function inherit( name: string ) {
		if ( ! overridesPath ) {
			return;
		}
		setMessage( null );
		try {
			const answer = await apiFetch< SiteOverrides >( {
				path: overridesPath,
				method: 'POST',
				data: { inherit: [ name ] },
			} );
			setInherited( answer.inherited );
			const values = await apiFetch< Record< string, Values > >( {
				path: settingsPath,
			} );
			const field = fields.find(
				( candidate ) => candidate.name === name
			);
			if ( field ) {
				const draft = toDraft( field, values[ option ]?.[ name ] );
				setSaved( ( current ) => ( { ...current, [ name ]: draft } ) );
				change( name, draft );
			}
			setMessage( {
				status: 'success',
				text: __(
					'The setting now follows the network.',
					'cognito-blocks'
				),
			} );
		} catch ( error ) {
			setMessage( {
				status: 'error',
				text: sprintf(
					/* translators: %s: the server's message. */
					__( 'The settings were not saved: %s', 'cognito-blocks' ),
					errorText( error )
				),
			} );
		}
	}

	if ( status.kind === 'loading' ) {
		return (
			<p>
				<Spinner /> { __( 'Loading the settings…', 'cognito-blocks' ) }
			</p>
		);
	}
	if ( status.kind === 'load-failed' ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ sprintf(
					/* translators: %s: the server's message. */
					__(
						'The settings could not be loaded: %s',
						'cognito-blocks'
					),
					status.message
				) }
			</Notice>
		);
	}

	const connection = Object.fromEntries(
		fields
			.filter( ( field ) => field.section === 'connection' )
			.map( ( field ) => [
				field.name,
				fromDraft( field, drafts[ field.name ] ),
			] )
	);
	const policy = fields.find( ( field ) => field.name === 'creation_policy' );

	return (
		<form
			ref={ form }
			className="cognito-blocks-admin"
			onSubmit={ save }
			noValidate
		>
			{ boot.scope === 'network' && (
				<Notice status="info" isDismissible={ false }>
					{ __(
						"These are the network's defaults: every site uses them unless its own Settings › Cognito Blocks changes a setting.",
						'cognito-blocks'
					) }
				</Notice>
			) }
			{ boot.scope === 'site' && boot.networkSettings && (
				<Notice status="info" isDismissible={ false }>
					{ __(
						"This site takes every setting it does not change from the network's defaults.",
						'cognito-blocks'
					) }
				</Notice>
			) }
			<div aria-live="polite">
				{ message && (
					<Notice
						status={ message.status }
						onRemove={ () => setMessage( null ) }
					>
						{ message.text }
					</Notice>
				) }
			</div>
			{ boot.sections.map( ( section ) => (
				<Card
					key={ section.id }
					className="cognito-blocks-admin__section"
				>
					<CardHeader>
						<h2 id={ `cognito-blocks-section-${ section.id }` }>
							{ section.title }
						</h2>
					</CardHeader>
					<CardBody>
						{ fields
							.filter( ( field ) => field.section === section.id )
							.map( ( field ) => (
								<div
									key={ field.name }
									className={ `cognito-blocks-admin__field${ errors[ field.name ] ? ' has-error' : '' }` }
									data-setting={ field.name }
								>
									<FieldControl
										field={ field }
										draft={
											drafts[ field.name ] ??
											toDraft( field, field.default )
										}
										error={ errors[ field.name ] ?? null }
										roles={ roles }
										onChange={ ( draft ) =>
											change( field.name, draft )
										}
									/>
									{ inherited && ! field.pinned && (
										<NetworkOrigin
											inherited={ inherited.includes(
												field.name
											) }
											onInherit={ () =>
												inherit( field.name )
											}
										/>
									) }
								</div>
							) ) }
						{ section.id === 'accounts' &&
							policy &&
							drafts[ policy.name ] === 'follow' &&
							! boot.usersCanRegister && (
								<Notice status="info" isDismissible={ false }>
									{ __(
										'"Anyone can register" is off in Settings › General, so pool members without a WordPress account cannot sign in yet; existing accounts are linked.',
										'cognito-blocks'
									) }{ ' ' }
									<a href={ boot.generalSettings }>
										{ __(
											'General settings',
											'cognito-blocks'
										) }
									</a>
								</Notice>
							) }
						{ section.id === 'connection' && (
							<ConnectionPanel
								path={ boot.connectionTest }
								values={ connection }
							/>
						) }
					</CardBody>
				</Card>
			) ) }
			<div className="cognito-blocks-admin__actions">
				<Button
					variant="primary"
					type="submit"
					isBusy={ saving }
					disabled={ saving || ! dirty }
					__next40pxDefaultSize
				>
					{ saving
						? __( 'Saving…', 'cognito-blocks' )
						: __( 'Save changes', 'cognito-blocks' ) }
				</Button>
				{ dirty && ! saving && (
					<span className="cognito-blocks-admin__unsaved">
						{ __( 'You have unsaved changes.', 'cognito-blocks' ) }
					</span>
				) }
			</div>
		</form>
	);
}

/**
 * Under a setting of a network's site: whether it comes from the network, or a button to hand it back.
 * @param props
 * @param props.inherited Whether the site takes the network's value.
 * @param props.onInherit Returns the setting to the network.
 */
function NetworkOrigin( {
	inherited,
	onInherit,
}: {
	inherited: boolean;
	onInherit: () => void;
} ) {
	if ( inherited ) {
		return (
			<p className="cognito-blocks-admin__origin">
				{ __( "From the network's defaults.", 'cognito-blocks' ) }
			</p>
		);
	}
	return (
		<p className="cognito-blocks-admin__origin">
			{ __( 'Changed for this site.', 'cognito-blocks' ) }{ ' ' }
			<Button variant="link" onClick={ onInherit }>
				{ __( "Use the network's value", 'cognito-blocks' ) }
			</Button>
		</p>
	);
}
