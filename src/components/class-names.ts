/** Joins the truthy class names; avoids a `classnames` dependency for one line of logic. */
export function cx( ...names: Array< string | false | null | undefined > ): string {
	return names.filter( Boolean ).join( ' ' );
}
