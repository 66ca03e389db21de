/**
 * The demo pages `npm start` creates: one per form.
 */
export function demoPages() {
	return [
		{
			slug: 'sign-in',
			title: 'Sign in',
			content: '<!-- wp:cognito-blocks/login {"heading":"Sign in"} /-->',
		},
	];
}
