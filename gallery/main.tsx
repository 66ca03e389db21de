/**
 * The designer gallery (`npm run gallery`, then open /gallery/): every form step in every state, rendered by the
 * real views with the real stylesheet, so a theme's CSS custom properties can be tried on all of them at once.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
	AccountFlow,
	formConfigFromAttributes,
} from '../src/components/account-flow';
import { checkPassword, resolvePolicy } from '../src/auth/password-policy';
import { STATES, STEPS, modelFor } from './states';
import '../src/styles/view.scss';

const policy = resolvePolicy();
const checker = ( value: string ) => checkPassword( policy, value );

function Gallery() {
	const [ primary, setPrimary ] = useState( '#2c5cc5' );
	const [ radius, setRadius ] = useState( 4 );
	const theme = {
		'--cognito-blocks-primary': primary,
		'--cognito-blocks-radius': `${ radius }px`,
	} as React.CSSProperties;
	return (
		<>
			<header className="gallery__header">
				<h1>Cognito Blocks forms</h1>
				<div className="gallery__controls">
					<label htmlFor="gallery-primary">Primary colour</label>
					<input
						id="gallery-primary"
						type="color"
						value={ primary }
						onChange={ ( e ) => setPrimary( e.target.value ) }
					/>
					<label htmlFor="gallery-radius">Radius</label>
					<input
						id="gallery-radius"
						type="range"
						min={ 0 }
						max={ 16 }
						value={ radius }
						onChange={ ( e ) =>
							setRadius( Number( e.target.value ) )
						}
					/>
				</div>
			</header>
			<div className="gallery__grid" style={ theme }>
				{ STEPS.flatMap( ( step ) =>
					STATES.map( ( state ) => (
						<section
							className="gallery__card"
							key={ `${ step }-${ state }` }
						>
							<p className="gallery__label">
								{ step } · { state }
							</p>
							<div className="wp-block-cognito-blocks-login">
								<AccountFlow
									flow={ modelFor( step, state ) }
									config={ formConfigFromAttributes(
										step === 'signUp' ? 'signUp' : 'signIn',
										{}
									) }
									checkPassword={ checker }
									onNavigate={ () => undefined }
								/>
							</div>
						</section>
					) )
				) }
			</div>
		</>
	);
}

createRoot( document.getElementById( 'gallery' )! ).render(
	<StrictMode>
		<Gallery />
	</StrictMode>
);
