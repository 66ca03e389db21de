<?php
/**
 * The view script's on-demand chunks get their translations too: WordPress would load only view.js's own.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Plugin;
use CognitoBlocks\Render\Assets;
use PHPUnit\Framework\TestCase;

final class ChunkTranslationsTest extends TestCase {

	/**
	 * Serves a translation for one chunk handle, as a language pack's JSON file would.
	 *
	 * @param string|false|null $translations Translations found so far.
	 * @param string            $file         JSON file looked up.
	 * @param string            $handle       Script handle.
	 * @return string|false|null
	 */
	public static function fake_translation( $translations, $file, $handle ) {
		unset( $file );
		if ( Assets::VIEW_HANDLE . '-account-steps' === $handle ) {
			return '{"locale_data":{"messages":{"":{"lang":"de"},"Create an account":["Konto erstellen"]}}}';
		}
		return $translations;
	}

	protected function setUp(): void {
		if ( ! function_exists( 'wp_scripts' ) ) {
			$this->markTestSkipped( 'Needs WordPress (WP_ROOT).' );
		}
		// Other tests in this process may have enqueued the forms already.
		$flag = new \ReflectionProperty( Assets::class, 'chunk_translations_added' );
		$flag->setValue( null, false );
		wp_scripts()->remove( Assets::VIEW_HANDLE );
		Assets::register();
		add_filter( 'pre_load_script_translations', array( self::class, 'fake_translation' ), 10, 3 );
	}

	protected function tearDown(): void {
		remove_filter( 'pre_load_script_translations', array( self::class, 'fake_translation' ), 10 );
	}

	public function test_a_chunks_translations_are_printed_before_the_view_script(): void {
		Assets::enqueue();

		$before = (array) wp_scripts()->get_data( Assets::VIEW_HANDLE, 'before' );
		$inline = implode( "\n", array_filter( $before, 'is_string' ) );
		$this->assertStringContainsString( 'wp.i18n.setLocaleData', $inline );
		$this->assertStringContainsString( 'Konto erstellen', $inline );
		$this->assertSame( 1, substr_count( $inline, 'Konto erstellen' ), 'Added once however many forms a page has.' );

		Assets::enqueue();
		$again = implode( "\n", array_filter( (array) wp_scripts()->get_data( Assets::VIEW_HANDLE, 'before' ), 'is_string' ) );
		$this->assertSame( 1, substr_count( $again, 'Konto erstellen' ) );
	}

	public function test_chunks_are_registered_but_not_loaded_with_the_page(): void {
		Assets::enqueue();
		foreach ( Assets::CHUNKS as $chunk ) {
			$this->assertTrue( wp_script_is( Assets::VIEW_HANDLE . '-' . $chunk, 'registered' ) );
			$this->assertFalse( wp_script_is( Assets::VIEW_HANDLE . '-' . $chunk, 'enqueued' ) );
		}
	}

	public function test_every_chunk_the_build_emits_is_listed(): void {
		$chunks = array();
		foreach ( (array) glob( Plugin::path( 'build/*.js' ) ) as $file ) {
			$name = basename( (string) $file, '.js' );
			// Entries have an .asset.php (their dependencies); chunks, loaded by the view script, have none.
			if ( ! is_readable( Plugin::path( 'build/' . $name . '.asset.php' ) ) ) {
				$chunks[] = $name;
			}
		}
		sort( $chunks );
		$listed = Assets::CHUNKS;
		sort( $listed );
		$this->assertSame( $chunks, $listed, 'a chunk missing from Assets::CHUNKS loads without its translations' );
	}
}
