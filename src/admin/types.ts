/**
 * What PHP hands the settings page (php/Admin/SettingsPage.php, `window.cognitoBlocksAdmin`): the settings table
 * as the page draws it, the pinned values and the site's roles.
 */

/** Which control a setting gets (php/Settings/Rule.php `kind`). */
export type Kind =
	| 'text'
	| 'url'
	| 'choice'
	| 'role'
	| 'integer'
	| 'boolean'
	| 'record'
	| 'group_role_map'
	| 'provider_list'
	| 'list'
	| 'attribute_map';

/** The part of JSON schema the settings use. */
export interface JsonSchema {
	type: 'string' | 'integer' | 'boolean' | 'object' | 'array';
	pattern?: string;
	maxLength?: number;
	minimum?: number;
	maximum?: number;
	enum?: string[];
	properties?: Record< string, JsonSchema >;
	items?: JsonSchema;
}

export interface Option {
	value: string;
	label: string;
}

export interface FieldSpec {
	name: string;
	label: string;
	help: string;
	section: string;
	kind: Kind;
	schema: JsonSchema;
	default: unknown;
	choices: Option[];
	/** The wp-config.php constant that pins it. */
	constant: string;
	pinned: boolean;
	/** The pinned value (only when pinned). */
	value?: unknown;
}

export interface BootData {
	option: string;
	sections: Array< { id: string; title: string } >;
	fields: FieldSpec[];
	roles: Option[];
	/** REST path of the server's connection checks. */
	connectionTest: string;
	usersCanRegister: boolean;
	generalSettings: string;
	siteHealth: string;
	/** 'network': the Network Admin's page, editing the network's defaults. */
	scope: 'site' | 'network';
	/** REST path the values are read from and saved to. */
	settingsPath: string;
	/** On a site of a network: the route that lists and returns settings to the network's defaults. */
	overridesPath: string | null;
	/** On a network: the Network Admin's page. */
	networkSettings: string | null;
}

/** GET site-overrides (php/Rest/NetworkSettingsController.php). */
export interface SiteOverrides {
	/** Settings this site takes from the network. */
	inherited: string[];
}

/** Stored values, by setting name. */
export type Values = Record< string, unknown >;

/** A row of a list of two-string pairs: {group, role} of the group → role map, {provider, label} of the sign-in buttons. */
export type PairRow = Record< string, string >;

/** The kinds stored as an ordered list of two-string pairs (php/Settings/Rule.php `pair_list()`). */
export type PairListKind = 'group_role_map' | 'provider_list';

/** A row of the attribute map while it is edited (rows may be empty or repeat until saved). */
export interface AttributeRow {
	attribute: string;
	meta: string;
}
