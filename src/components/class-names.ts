/**
 * Joins the truthy class names; avoids a `classnames` dependency for one line of logic.
 *
 * @param names Class names; falsy entries are dropped.
 */
export function cx(
	...names: Array< string | false | null | undefined >
): string {
	return names.filter( Boolean ).join( ' ' );
}
