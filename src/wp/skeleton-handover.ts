/**
 * The server's skeleton (php/Render/Skeleton.php) is live from first paint: a visitor can focus a field and type
 * before the script has run. When the form takes over, what was typed and where the caret was move into the
 * form's own inputs, so nothing is lost and the visitor keeps typing where they were.
 *
 * The skeleton is a copy of the form's first step, field for field, so fields are matched by position. If the
 * two do not line up (same count, same input types), nothing is carried over: losing what was typed is better
 * than putting it into the wrong field.
 */

const FIELDS = 'input:not([type="hidden"])';

interface TypedField {
	type: string;
	value: string;
	checked: boolean;
}

export interface Typed {
	fields: TypedField[];
	/** Index of the focused field, or -1. */
	focus: number;
	selection: [ number | null, number | null ] | null;
}

/**
 * What the visitor typed into the skeleton of `element`; null when there is no skeleton.
 * @param element
 */
export function takeTyped( element: HTMLElement ): Typed | null {
	const skeleton = element.querySelector( '.cognito-blocks__skeleton' );
	if ( ! skeleton ) {
		return null;
	}
	const inputs = Array.from(
		skeleton.querySelectorAll< HTMLInputElement >( FIELDS )
	);
	const focus = inputs.findIndex(
		( input ) => input === element.ownerDocument.activeElement
	);
	return {
		fields: inputs.map( ( input ) => ( {
			type: input.type,
			value: input.value,
			checked: input.checked,
		} ) ),
		focus,
		selection: focus >= 0 ? selectionOf( inputs[ focus ] ) : null,
	};
}

function selectionOf(
	input: HTMLInputElement
): [ number | null, number | null ] | null {
	try {
		return [ input.selectionStart, input.selectionEnd ];
	} catch {
		return null; // types without a caret (checkbox, date, email in some engines) throw
	}
}

/**
 * Sets a value the way typing does, so React's onChange (and react-hook-form) see it.
 * @param input
 * @param value
 */
function typeInto( input: HTMLInputElement, value: string ): void {
	const setter = Object.getOwnPropertyDescriptor(
		HTMLInputElement.prototype,
		'value'
	)?.set;
	setter?.call( input, value );
	input.dispatchEvent( new Event( 'input', { bubbles: true } ) );
}

/**
 * Moves `typed` into the mounted form of `element`; returns false when the fields did not line up.
 * @param element
 * @param typed
 */
export function giveTyped( element: HTMLElement, typed: Typed ): boolean {
	const form = element.querySelector( 'form' );
	const inputs = form
		? Array.from( form.querySelectorAll< HTMLInputElement >( FIELDS ) )
		: [];
	if (
		inputs.length !== typed.fields.length ||
		inputs.some(
			( input, index ) => input.type !== typed.fields[ index ].type
		)
	) {
		return false;
	}
	inputs.forEach( ( input, index ) => {
		const was = typed.fields[ index ];
		if ( input.type === 'checkbox' || input.type === 'radio' ) {
			if ( input.checked !== was.checked ) {
				input.click(); // toggles it and fires React's onChange
			}
		} else if ( was.value !== '' ) {
			typeInto( input, was.value );
		}
	} );
	const focused = typed.focus >= 0 ? inputs[ typed.focus ] : null;
	if ( focused ) {
		focused.focus();
		if ( typed.selection ) {
			try {
				focused.setSelectionRange(
					typed.selection[ 0 ],
					typed.selection[ 1 ]
				);
			} catch {}
		}
	}
	return true;
}
