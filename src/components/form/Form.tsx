/**
 * The one place react-hook-form meets a <form>: validation without browser bubbles, the form-level error region,
 * and a submission lock so a double click or a second Enter never sends the same request twice.
 */
import {
	useEffect,
	useRef,
	useState,
	type FormEvent,
	type ReactNode,
} from 'react';
import {
	FormProvider,
	type FieldValues,
	type UseFormReturn,
} from 'react-hook-form';
import { ErrorMessage } from '../error-message';
import { cx } from '../class-names';
import type { FormError, SubmitHandler } from '../types';
import { FormBusyContext } from './busy-context';

// Read-only inputs (e.g. the TOTP secret) are skipped: the visitor is asked to type, not to copy.
const FIRST_FIELD =
	'input:not([type="hidden"]):not([readonly]), select, textarea';

export interface FormProps< V extends FieldValues > {
	form: UseFormReturn< V >;
	onSubmit: SubmitHandler< V >;
	/** While true, submissions are ignored and SubmitButton shows its progress state. */
	busy?: boolean;
	error?: FormError | null;
	/** Focus the first editable field on mount. */
	focusFirstField?: boolean;
	className?: string;
	'aria-labelledby'?: string;
	children: ReactNode;
}

function isPromiseLike( value: unknown ): value is PromiseLike< unknown > {
	return (
		typeof ( value as PromiseLike< unknown > | undefined )?.then ===
		'function'
	);
}

export function Form< V extends FieldValues >( {
	form,
	onSubmit,
	busy = false,
	error,
	focusFirstField = false,
	className,
	children,
	...aria
}: FormProps< V > ) {
	const formRef = useRef< HTMLFormElement >( null );
	// Refs, not state: the guard must see the latest value inside the same event, before any re-render.
	const busyRef = useRef( busy );
	busyRef.current = busy;
	const lockRef = useRef( false );
	const wasBusyRef = useRef( busy );
	const [ settled, setSettled ] = useState( 0 );

	useEffect( () => {
		if ( focusFirstField ) {
			formRef.current
				?.querySelector< HTMLElement >( FIRST_FIELD )
				?.focus();
		}
		// Only when the step mounts; later renders must not pull focus back.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [] );

	// The attempt is over once the owner stops being busy.
	useEffect( () => {
		if ( wasBusyRef.current && ! busy ) {
			lockRef.current = false;
		}
		wasBusyRef.current = busy;
	}, [ busy ] );
	// A synchronous onSubmit: keep the lock until the render it caused has committed, so a `busy` set inside
	// onSubmit takes over; if the owner never became busy there is nothing in flight and the lock is released.
	useEffect( () => {
		if ( settled && ! busy ) {
			lockRef.current = false;
		}
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ settled ] );

	const release = () => {
		lockRef.current = false;
	};

	const handleSubmit = ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		if ( busyRef.current || lockRef.current ) {
			return;
		}
		lockRef.current = true;
		void form.handleSubmit( ( values ) => {
			let result: unknown;
			try {
				result = onSubmit( values );
			} catch ( thrown ) {
				release();
				throw thrown;
			}
			if ( isPromiseLike( result ) ) {
				result.then( release, release );
			} else {
				setSettled( ( count ) => count + 1 );
			}
		}, release )( event );
	};

	return (
		<FormProvider { ...form }>
			<FormBusyContext.Provider value={ busy }>
				<form
					ref={ formRef }
					className={ cx( 'cognito-blocks__form', className ) }
					noValidate
					onSubmit={ handleSubmit }
					{ ...aria }
				>
					{ /* A stale error is hidden during the next attempt; if it fails the same way, it is announced again. */ }
					<ErrorMessage error={ busy ? null : error } />
					{ children }
				</form>
			</FormBusyContext.Provider>
		</FormProvider>
	);
}
