/**
 * Joins the truthy class names; avoids a `classnames` dependency for one line of logic.
 * @param {...any} names
 */
export function cx(
	...names: Array< string | false | null | undefined >
): string {
	return names.filter( Boolean ).join( ' ' );
}
