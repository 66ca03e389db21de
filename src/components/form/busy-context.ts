import { createContext, useContext } from 'react';

/** Whether the enclosing Form is waiting for its submission, so SubmitButton needs no prop wiring. */
export const FormBusyContext = createContext( false );

export function useFormBusy(): boolean {
	return useContext( FormBusyContext );
}
