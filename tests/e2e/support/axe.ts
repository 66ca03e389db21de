/**
 * axe-core on a part of the page, failing with one readable line per offending node.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const TAGS = [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ];
export const MOUNT = '[data-cognito-blocks][data-mounted="true"]';

/**
 * Scans `include` (the form's mount point by default).
 * @param page
 * @param step    Named in the failure message.
 * @param include CSS selector of the part of the page to scan.
 */
export async function expectNoViolations(
	page: Page,
	step: string,
	include = MOUNT
): Promise< void > {
	const { violations } = await new AxeBuilder( { page } )
		.include( include )
		.withTags( TAGS )
		.analyze();
	const readable = violations.flatMap( ( violation ) =>
		violation.nodes.map(
			( node ) =>
				`${ violation.id } (${ violation.impact }): ${ violation.help } — ${ node.target.join(
					' '
				) }\n    ${ node.failureSummary?.replace( /\n/g, '\n    ' ) }`
		)
	);
	expect( readable, `axe violations in "${ step }"` ).toEqual( [] );
}
