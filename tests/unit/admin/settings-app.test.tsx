/**
 * The settings page's component (src/admin/SettingsApp.tsx) with core's REST endpoint replaced: what it sends,
 * what it shows for each field's problems, and that nothing the administrator typed is lost.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SettingsApp } from '../../../src/admin/SettingsApp';
import type { BootData, FieldSpec } from '../../../src/admin/types';

const apiFetch = vi.hoisted( () => vi.fn() );
vi.mock( '@wordpress/api-fetch', () => ( { default: apiFetch } ) );

const text = (
	name: string,
	label: string,
	extra: Partial< FieldSpec > = {}
): FieldSpec => ( {
	name,
	label,
	help: `${ label } help`,
	section: 'connection',
	kind: 'text',
	schema: {
		type: 'string',
		pattern: '^$|^[a-z]{2}(?:-[a-z]+)+-\\d+_[0-9A-Za-z]+$',
		maxLength: 55,
	},
	default: '',
	choices: [],
	constant: `COGNITO_BLOCKS_${ name.toUpperCase() }`,
	pinned: false,
	...extra,
} );

const BOOT: BootData = {
	option: 'cognito_blocks_settings',
	sections: [
		{ id: 'connection', title: 'Connection' },
		{ id: 'accounts', title: 'Accounts' },
	],
	fields: [
		text( 'user_pool_id', 'User pool ID' ),
		text( 'region', 'Region', {
			pinned: true,
			value: 'eu-west-1',
			schema: { type: 'string' },
		} ),
		{
			...text( 'trusted_proxies', 'Trusted proxies' ),
			section: 'accounts',
			kind: 'list',
			schema: { type: 'array', items: { type: 'string' } },
			default: [],
		},
		{
			...text( 'leeway', 'Clock leeway (seconds)' ),
			section: 'accounts',
			kind: 'integer',
			schema: { type: 'integer', minimum: 0, maximum: 300 },
			default: 60,
		},
	],
	roles: [ { value: 'subscriber', label: 'Subscriber' } ],
	connectionTest: '/cognito-blocks/v1/connection-test',
	usersCanRegister: true,
	generalSettings: '/wp-admin/options-general.php',
	siteHealth: '/wp-admin/site-health.php',
	scope: 'site',
	settingsPath: '/wp/v2/settings',
	overridesPath: null,
	networkSettings: null,
};

const STORED = {
	user_pool_id: 'eu-west-1_Abc123',
	region: '',
	trusted_proxies: [],
	leeway: 60,
};

beforeEach( () => {
	apiFetch.mockReset();
	apiFetch.mockImplementation(
		async ( { method, data }: { method?: string; data?: any } ) =>
			method === 'POST'
				? { cognito_blocks_settings: data.cognito_blocks_settings }
				: { cognito_blocks_settings: STORED }
	);
} );

/**
 * A notice's text (core's screen reader announcement region repeats it).
 * @param wanted
 */
function findNotice( wanted: string | RegExp ) {
	return screen.findByText( wanted, {
		selector: '.components-notice__content',
	} );
}

async function ready( boot: BootData = BOOT ) {
	render( <SettingsApp boot={ boot } /> );
	await screen.findByRole( 'button', { name: 'Save changes' } );
}

describe( 'SettingsApp', () => {
	it( 'shows stored values and a pinned value read-only with its constant', async () => {
		await ready();
		expect( screen.getByLabelText( 'User pool ID' ) ).toHaveValue(
			'eu-west-1_Abc123'
		);
		expect( screen.getByLabelText( 'Region' ) ).toBeDisabled();
		expect( screen.getByLabelText( 'Region' ) ).toHaveValue( 'eu-west-1' );
		expect(
			screen.getByText( /Set in wp-config.php by COGNITO_BLOCKS_REGION/ )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Save changes' } )
		).toBeDisabled();
	} );

	it( 'refuses a mistyped value on its field, keeps it and sends nothing', async () => {
		const user = userEvent.setup();
		await ready();
		const pool = screen.getByLabelText( 'User pool ID' );
		await user.clear( pool );
		await user.type( pool, 'not a pool' );
		await user.click(
			screen.getByRole( 'button', { name: 'Save changes' } )
		);
		expect(
			await findNotice(
				'Nothing was saved: fix the fields marked below.'
			)
		).toBeInTheDocument();
		expect(
			screen.getByText( /This is not in the expected form/ )
		).toBeInTheDocument();
		expect( pool ).toHaveValue( 'not a pool' );
		expect( pool ).toHaveAttribute( 'aria-invalid', 'true' );
		expect(
			apiFetch.mock.calls.filter( ( [ call ] ) => call.method === 'POST' )
		).toHaveLength( 0 );
		await waitFor( () => expect( pool ).toHaveFocus() );
	} );

	it( 'sends every unpinned setting in the stored shape, lists as arrays and numbers as numbers', async () => {
		const user = userEvent.setup();
		await ready();
		await user.type(
			screen.getByLabelText( 'Trusted proxies' ),
			'10.0.0.0/8, 192.0.2.1'
		);
		await user.clear( screen.getByLabelText( 'Clock leeway (seconds)' ) );
		await user.type(
			screen.getByLabelText( 'Clock leeway (seconds)' ),
			'30'
		);
		await user.click(
			screen.getByRole( 'button', { name: 'Save changes' } )
		);
		expect( await findNotice( 'Settings saved.' ) ).toBeInTheDocument();
		const post = apiFetch.mock.calls.find(
			( [ call ] ) => call.method === 'POST'
		)?.[ 0 ];
		expect( post.path ).toBe( '/wp/v2/settings' );
		expect( post.data ).toEqual( {
			cognito_blocks_settings: {
				user_pool_id: 'eu-west-1_Abc123',
				trusted_proxies: [ '10.0.0.0/8', '192.0.2.1' ],
				leeway: 30,
			},
		} );
		expect(
			screen.getByRole( 'button', { name: 'Save changes' } )
		).toBeDisabled();
	} );

	it( 'keeps an entry the server refused in the form with a message', async () => {
		apiFetch.mockImplementation(
			async ( { method, data }: { method?: string; data?: any } ) =>
				method === 'POST'
					? {
							cognito_blocks_settings: {
								...data.cognito_blocks_settings,
								trusted_proxies: [ '10.0.0.0/8' ],
							},
						}
					: { cognito_blocks_settings: STORED }
		);
		const user = userEvent.setup();
		await ready();
		await user.type(
			screen.getByLabelText( 'Trusted proxies' ),
			'10.0.0.0/8, not-an-address'
		);
		await user.click(
			screen.getByRole( 'button', { name: 'Save changes' } )
		);
		expect(
			await findNotice( /some values were not kept as typed/ )
		).toBeInTheDocument();
		expect(
			screen.getByText(
				/Not saved as typed; the site kept: \["10.0.0.0\/8"\]/
			)
		).toBeInTheDocument();
		expect( screen.getByLabelText( 'Trusted proxies' ) ).toHaveValue(
			'10.0.0.0/8, not-an-address'
		);
	} );

	it( 'warns before leaving with unsaved changes, and not after saving', async () => {
		const user = userEvent.setup();
		await ready();
		const leave = () => {
			const event = new Event( 'beforeunload', { cancelable: true } );
			act( () => {
				window.dispatchEvent( event );
			} );
			return event.defaultPrevented;
		};
		expect( leave() ).toBe( false );
		await user.type( screen.getByLabelText( 'User pool ID' ), '9' );
		expect(
			screen.getByText( 'You have unsaved changes.' )
		).toBeInTheDocument();
		expect( leave() ).toBe( true );
		await user.click(
			screen.getByRole( 'button', { name: 'Save changes' } )
		);
		await findNotice( 'Settings saved.' );
		expect( leave() ).toBe( false );
	} );

	it( 'edits the sign-in buttons as provider and label rows and sends them as a list of {provider, label}', async () => {
		const providers = [
			{ provider: 'COGNITO', label: '' },
			{ provider: 'Google', label: 'Use your Google account' },
		];
		apiFetch.mockImplementation(
			async ( { method, data }: { method?: string; data?: any } ) =>
				method === 'POST'
					? { cognito_blocks_settings: data.cognito_blocks_settings }
					: {
							cognito_blocks_settings: {
								...STORED,
								sso_providers: providers,
							},
						}
		);
		const user = userEvent.setup();
		await ready( {
			...BOOT,
			fields: [
				...BOOT.fields,
				{
					...text( 'sso_providers', 'Sign-in buttons' ),
					section: 'accounts',
					kind: 'provider_list',
					schema: {
						type: 'array',
						items: {
							type: 'object',
							properties: {
								provider: { type: 'string' },
								label: { type: 'string' },
							},
						},
					},
					default: [],
				},
			],
		} );
		const group = screen.getByRole( 'group', { name: 'Sign-in buttons' } );
		expect(
			within( group ).getByLabelText( 'Identity provider, row 1' )
		).toHaveValue( 'COGNITO' );
		expect(
			within( group ).getByLabelText( 'Button label, row 1' )
		).toHaveValue( '' );
		expect(
			within( group ).getByLabelText( 'Identity provider, row 2' )
		).toHaveValue( 'Google' );
		expect(
			within( group ).getByLabelText( 'Button label, row 2' )
		).toHaveValue( 'Use your Google account' );

		// A provider name with a space is refused on the field, before anything is sent.
		const second = within( group ).getByLabelText(
			'Identity provider, row 2'
		);
		await user.clear( second );
		await user.type( second, 'My SAML' );
		await user.click(
			screen.getByRole( 'button', { name: 'Save changes' } )
		);
		expect(
			await within( group ).findByText( /Provider names are 1 to 32/ )
		).toBeInTheDocument();
		expect(
			apiFetch.mock.calls.filter( ( [ call ] ) => call.method === 'POST' )
		).toHaveLength( 0 );

		await user.clear( second );
		await user.type( second, 'CorpSAML' );
		await user.clear(
			within( group ).getByLabelText( 'Button label, row 2' )
		);
		await user.type(
			within( group ).getByLabelText( 'Button label, row 2' ),
			' Staff sign-in '
		);
		await user.click(
			within( group ).getByRole( 'button', {
				name: 'Add a sign-in button',
			} )
		);
		await user.type(
			within( group ).getByLabelText( 'Identity provider, row 3' ),
			'Facebook'
		);
		await user.click(
			within( group ).getByRole( 'button', { name: 'Remove row 1' } )
		);
		await user.click(
			screen.getByRole( 'button', { name: 'Save changes' } )
		);
		expect( await findNotice( 'Settings saved.' ) ).toBeInTheDocument();
		const post = apiFetch.mock.calls.find(
			( [ call ] ) => call.method === 'POST'
		)?.[ 0 ];
		expect( post.data.cognito_blocks_settings.sso_providers ).toEqual( [
			{ provider: 'CorpSAML', label: 'Staff sign-in' },
			{ provider: 'Facebook', label: '' },
		] );
	} );

	it( 'draws the group → role map with the same rows and sends it as a list of {group, role}', async () => {
		apiFetch.mockImplementation(
			async ( { method, data }: { method?: string; data?: any } ) =>
				method === 'POST'
					? { cognito_blocks_settings: data.cognito_blocks_settings }
					: {
							cognito_blocks_settings: {
								...STORED,
								group_role_map: [
									{ group: 'readers', role: 'subscriber' },
								],
							},
						}
		);
		const user = userEvent.setup();
		await ready( {
			...BOOT,
			roles: [
				{ value: 'subscriber', label: 'Subscriber' },
				{ value: 'editor', label: 'Editor' },
			],
			fields: [
				...BOOT.fields,
				{
					...text( 'group_role_map', 'Group roles' ),
					section: 'accounts',
					kind: 'group_role_map',
					schema: { type: 'array' },
					default: [],
				},
			],
		} );
		const group = screen.getByRole( 'group', { name: 'Group roles' } );
		expect(
			within( group ).getByLabelText( 'Cognito group, row 1' )
		).toHaveValue( 'readers' );
		await user.click(
			within( group ).getByRole( 'button', { name: 'Add a group' } )
		);
		await user.type(
			within( group ).getByLabelText( 'Cognito group, row 2' ),
			'readers'
		);
		await user.click(
			screen.getByRole( 'button', { name: 'Save changes' } )
		);
		expect(
			await within( group ).findByText(
				'Each group can appear only once.'
			)
		).toBeInTheDocument();
		await user.type(
			within( group ).getByLabelText( 'Cognito group, row 2' ),
			'-editors '
		);
		await user.selectOptions(
			within( group ).getByLabelText( 'WordPress role, row 2' ),
			'editor'
		);
		await user.click(
			screen.getByRole( 'button', { name: 'Save changes' } )
		);
		expect( await findNotice( 'Settings saved.' ) ).toBeInTheDocument();
		const post = apiFetch.mock.calls.find(
			( [ call ] ) => call.method === 'POST'
		)?.[ 0 ];
		expect( post.data.cognito_blocks_settings.group_role_map ).toEqual( [
			{ group: 'readers', role: 'subscriber' },
			{ group: 'readers-editors', role: 'editor' },
		] );
	} );

	it( 'shows a load failure instead of an empty form', async () => {
		apiFetch.mockRejectedValue( {
			message: 'Sorry, you are not allowed to do that.',
		} );
		render( <SettingsApp boot={ BOOT } /> );
		expect(
			await findNotice(
				/could not be loaded: Sorry, you are not allowed/
			)
		).toBeInTheDocument();
		expect(
			screen.queryByRole( 'button', { name: 'Save changes' } )
		).toBeNull();
	} );

	it( 'in the Network Admin, reads and saves the network defaults, and names a refused setting', async () => {
		apiFetch.mockImplementation(
			async ( { method }: { method?: string } ) => {
				if ( method === 'POST' ) {
					throw {
						message: 'Invalid parameter(s): leeway',
						data: {
							status: 400,
							params: { leeway: 'leeway must be at most 300.' },
						},
					};
				}
				return { cognito_blocks_settings: STORED };
			}
		);
		const user = userEvent.setup();
		await ready( {
			...BOOT,
			scope: 'network',
			settingsPath: '/cognito-blocks/v1/network-settings',
			networkSettings: '/wp-admin/network/settings.php',
		} );
		expect(
			await findNotice( /These are the network's defaults/ )
		).toBeInTheDocument();
		await user.type( screen.getByLabelText( 'User pool ID' ), '9' );
		await user.click(
			screen.getByRole( 'button', { name: 'Save changes' } )
		);
		expect(
			await findNotice( /were not saved: Invalid parameter/ )
		).toBeInTheDocument();
		expect(
			screen.getByText( 'leeway must be at most 300.' )
		).toBeInTheDocument();
		expect( apiFetch.mock.calls.map( ( [ call ] ) => call.path ) ).toEqual(
			[
				'/cognito-blocks/v1/network-settings',
				'/cognito-blocks/v1/network-settings',
			]
		);
	} );

	it( "on a network's site, marks what comes from the network and hands a changed setting back", async () => {
		let inherited = [ 'region', 'trusted_proxies' ];
		const network = { ...STORED, leeway: 30 };
		let site = { ...STORED };
		apiFetch.mockImplementation( async ( { path, method, data }: any ) => {
			if ( path === '/cognito-blocks/v1/site-overrides' ) {
				if ( method === 'POST' ) {
					inherited = [ ...inherited, ...data.inherit ];
					site = { ...site, leeway: network.leeway };
				}
				return { inherited };
			}
			return { cognito_blocks_settings: site };
		} );
		const user = userEvent.setup();
		await ready( {
			...BOOT,
			overridesPath: '/cognito-blocks/v1/site-overrides',
			networkSettings: '/wp-admin/network/settings.php',
		} );
		const origin = ( name: string ) =>
			document.querySelector(
				`[data-setting="${ name }"] .cognito-blocks-admin__origin`
			);
		expect( origin( 'trusted_proxies' ) ).toHaveTextContent(
			"From the network's defaults."
		);
		expect( origin( 'region' ) ).toBeNull(); // Pinned: wp-config.php decides.
		expect( origin( 'leeway' ) ).toHaveTextContent(
			'Changed for this site.'
		);
		expect( screen.getByLabelText( 'Clock leeway (seconds)' ) ).toHaveValue(
			60
		);
		await user.type( screen.getByLabelText( 'User pool ID' ), '9' );
		await user.click(
			within(
				document.querySelector< HTMLElement >(
					'[data-setting="leeway"]'
				)!
			).getByRole( 'button', { name: "Use the network's value" } )
		);
		expect(
			await findNotice( 'The setting now follows the network.' )
		).toBeInTheDocument();
		expect( screen.getByLabelText( 'Clock leeway (seconds)' ) ).toHaveValue(
			30
		);
		expect( origin( 'leeway' ) ).toHaveTextContent(
			"From the network's defaults."
		);
		expect( screen.getByLabelText( 'User pool ID' ) ).toHaveValue(
			'eu-west-1_Abc1239'
		);
		expect(
			screen.getByText( 'You have unsaved changes.' )
		).toBeInTheDocument();
	} );
} );
