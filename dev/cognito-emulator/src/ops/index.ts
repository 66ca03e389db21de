/** The operation table: X-Amz-Target suffix → handler. Admin operations need a signed request from loopback. */
import type { Operation } from '../context';
import * as admin from './admin';
import * as adminUsers from './admin-users';
import * as auth from './auth';
import * as identityProviders from './identity-providers';
import * as challenges from './challenges';
import * as mfa from './mfa';
import * as password from './password';
import * as refresh from './refresh';
import * as signup from './signup';
import * as user from './user';

export const PUBLIC_OPERATIONS: Record< string, Operation > = {
	InitiateAuth: auth.InitiateAuth,
	GetTokensFromRefreshToken: refresh.GetTokensFromRefreshToken,
	RespondToAuthChallenge: challenges.RespondToAuthChallenge,
	SignUp: signup.SignUp,
	ConfirmSignUp: signup.ConfirmSignUp,
	ResendConfirmationCode: signup.ResendConfirmationCode,
	ForgotPassword: password.ForgotPassword,
	ConfirmForgotPassword: password.ConfirmForgotPassword,
	ChangePassword: password.ChangePassword,
	GetUser: user.GetUser,
	UpdateUserAttributes: user.UpdateUserAttributes,
	VerifyUserAttribute: user.VerifyUserAttribute,
	GetUserAttributeVerificationCode: user.GetUserAttributeVerificationCode,
	GlobalSignOut: user.GlobalSignOut,
	RevokeToken: user.RevokeToken,
	DeleteUser: user.DeleteUser,
	AssociateSoftwareToken: mfa.AssociateSoftwareToken,
	VerifySoftwareToken: mfa.VerifySoftwareToken,
	SetUserMFAPreference: mfa.SetUserMFAPreference,
};

export const ADMIN_OPERATIONS: Record< string, Operation > = {
	...admin,
	...adminUsers,
	...identityProviders,
};
