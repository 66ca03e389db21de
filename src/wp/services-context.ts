/**
 * The mounted form's services for code below the flow view that needs them: the lazily loaded steps
 * (./other-steps.tsx) read the password policy here instead of the sign-in bundle carrying its checker.
 */
import { createContext } from 'react';
import type { FormServices } from './services';

export const FormServicesContext = createContext< FormServices | null >( null );
