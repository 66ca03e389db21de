/**
 * The account flow (sign-in, sign-up, reset) as one Flow: machine.ts decides, `execute` maps each request to
 * the gateway or session call that performs it, facade.ts shapes the state for views.
 */
import type { Flow } from './flow';
import type { AuthFacade } from './facade';
import { toFacade } from './facade';
import type { AuthGateway } from './gateway';
import {
	createInitialState,
	errorContextOf,
	transition,
	type InitialStateInput,
} from './machine';
import {
	createFlowRunner,
	type FlowRunner,
	type FlowRunnerOptions,
} from './runner';
import type { SessionService } from './session';
import type { AuthOutcome, AuthRequest, AuthState, UserEvent } from './types';

export interface AccountServices {
	gateway: AuthGateway;
	/** Includes the session POST to WordPress. */
	session: SessionService;
}

export interface AccountTypes {
	state: AuthState;
	event: UserEvent;
	request: AuthRequest;
	outcome: AuthOutcome;
	services: AccountServices;
	input: InitialStateInput | AuthState;
	/** Where WordPress sends the visitor once the session is open. */
	result: string;
	facade: AuthFacade;
}

/**
 * Maps one request to the service call that performs it.
 * @param request
 * @param services
 * @param services.gateway
 * @param services.session
 */
export async function execute(
	request: AuthRequest,
	{ gateway, session }: AccountServices
): Promise< AuthOutcome > {
	switch ( request.kind ) {
		case 'signIn':
			return { kind: 'signIn', result: await gateway.signIn( request ) };
		case 'completeNewPassword':
			return {
				kind: 'signIn',
				result: await gateway.completeNewPassword( request ),
			};
		case 'sendMfaCode':
			return {
				kind: 'signIn',
				result: await gateway.sendMfaCode( request ),
			};
		case 'selectMfaType':
			return {
				kind: 'signIn',
				result: await gateway.selectMfaType( request ),
			};
		case 'verifyTotp':
			return {
				kind: 'signIn',
				result: await gateway.verifyTotp( request ),
			};
		case 'associateTotp':
			return {
				kind: 'totpSecret',
				secret: ( await gateway.associateTotp() ).secret,
			};
		case 'signUp': {
			const result = await gateway.signUp( request );
			return {
				kind: 'signUp',
				confirmed: result.confirmed,
				delivery: result.delivery,
			};
		}
		case 'confirmSignUp':
			await gateway.confirmSignUp( request );
			return { kind: 'confirmed' };
		case 'confirmForgotPassword':
			await gateway.confirmForgotPassword( request );
			return { kind: 'confirmed' };
		case 'resendCode':
			return {
				kind: 'codeSent',
				delivery: ( await gateway.resendCode( request ) ).delivery,
			};
		case 'forgotPassword':
			return {
				kind: 'codeSent',
				delivery: ( await gateway.forgotPassword( request ) ).delivery,
			};
		case 'createSession': {
			const { idToken, refreshToken, remember, redirectTo } = request;
			const result = await session.createSession( {
				idToken,
				refreshToken,
				remember,
				redirectTo,
			} );
			return { kind: 'session', redirectTo: result.redirectTo };
		}
	}
}

function isState(
	value: InitialStateInput | AuthState | undefined
): value is AuthState {
	return !! value && 'inputs' in value && 'seq' in value;
}

export const accountFlow: Flow< AccountTypes > = {
	initial: ( input ) =>
		isState( input ) ? input : createInitialState( input ),
	transition,
	execute,
	errorContext: ( request ) => errorContextOf( request.kind ),
	onError( request, error, { gateway } ) {
		// WordPress refused these tokens for good: do not leave them behind in browser storage.
		if ( request.kind === 'createSession' && ! error.retryable ) {
			gateway.signOut().catch( () => undefined );
		}
	},
	result: ( state ) =>
		state.step === 'done' ? state.redirectTo : undefined,
	facade: toFacade,
	retry: { type: 'RETRY' },
};

/** `{ gateway, session, clock?, timeoutMs?, initial?, onDone?( redirectTo ) }` */
export type AuthRunnerOptions = FlowRunnerOptions< AccountTypes >;
export type AuthRunner = FlowRunner< AccountTypes >;

export function createAuthRunner( options: AuthRunnerOptions ): AuthRunner {
	return createFlowRunner( accountFlow, options );
}
