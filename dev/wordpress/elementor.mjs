/**
 * Pages built with Elementor, as Elementor stores them (post meta `_elementor_data` and its companions), and the
 * `--elementor` shortcut for `--plugin=<Elementor>` (plus the WordPress it needs).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserFacingError } from '../lib/processes.mjs';

/** The main file activate_plugin() takes for Elementor. */
export const ELEMENTOR_PLUGIN = 'elementor/elementor.php';

/** Where this workspace keeps the release copies (see ../shared/fixtures/README.md). */
const FIXTURES = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'../../../shared/fixtures'
);

/**
 * `--elementor`: Elementor from the fixtures folder, and WordPress 7.1.0 from there too unless --wordpress was
 * given (Elementor 4 needs WordPress 6.8 or newer; the npm build is 6.6).
 *
 * @param {{ wordpress?: string, plugin?: string[], elementor?: boolean }} args Parsed command-line options.
 * @return {{ wordpress?: string, plugin?: string[] }} The same options, with the files filled in.
 */
export function withElementor( args ) {
	if ( ! args.elementor ) {
		return args;
	}
	const elementor = path.join( FIXTURES, 'elementor-4.1.5.tar.gz' );
	const wordpress = path.join( FIXTURES, 'wordpress-7.1.0.tar.gz' );
	if ( ! existsSync( elementor ) ) {
		throw new UserFacingError(
			`--elementor looks for ${ elementor }, which is not here. Pass Elementor's zip instead: --plugin=<path to elementor.zip> --wordpress=<WordPress 6.8 or newer>.`
		);
	}
	if ( ! args.wordpress && ! existsSync( wordpress ) ) {
		throw new UserFacingError(
			`Elementor needs WordPress 6.8 or newer and the npm build is 6.6: pass --wordpress=<path to a newer WordPress> (${ wordpress } is not here).`
		);
	}
	return {
		...args,
		wordpress: args.wordpress || wordpress,
		plugin: [ ...( args.plugin ?? [] ), elementor ],
	};
}

/** A widget element of `_elementor_data`. */
export function widget( id, widgetType, settings = {} ) {
	return {
		id,
		elType: 'widget',
		widgetType,
		isInner: false,
		settings,
		elements: [],
	};
}

/** A container (Elementor's layout element on new sites) holding `elements`. */
export function container( id, elements, settings = {} ) {
	return { id, elType: 'container', isInner: false, settings, elements };
}

/**
 * A page as Elementor saves one: the element tree in `_elementor_data` (JSON), the builder flag, the document type
 * and the data version. The content stays empty; Elementor renders the page from the meta.
 *
 * @param {{ slug: string, title: string, elements: Object[] }} page Its slug, title and element tree.
 */
export function elementorPage( { slug, title, elements } ) {
	return {
		slug,
		title,
		content: '',
		meta: {
			_elementor_edit_mode: 'builder',
			_elementor_template_type: 'wp-page',
			_elementor_version: '4.1.5',
			_elementor_data: JSON.stringify( elements ),
		},
	};
}
