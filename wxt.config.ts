import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import tailwindcss from '@tailwindcss/vite';
import { browserLocaleFolder, manifestLocaleFiles, manifestMessage } from './utils/i18n/manifest-locales';
import { DEFAULT_LOCALE } from './utils/i18n/locales';

/** The icon files @wxt-dev/auto-icons writes into every build. */
const ICONS = { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' };

// Manifest permissions are the least the features need. Host permissions are the content
// script's own sites (http/https), so the install warning is unchanged: the PDF viewer, an
// extension page, needs them to read a PDF's bytes from the site that serves it. No "tabs"
// (activeTab covers the popup's view of the current page).
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // Toolbar and store icons (16, 32, 48, 128 px) drawn from one SVG for both builds.
  autoIcons: { baseIconPath: 'public/icon.svg', developmentIndicator: false },
  // The manifest's words in every language (_locales), written from the one catalogue.
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...manifestLocaleFiles());
    },
  },
  vite: () => ({
    plugins: [preact(), tailwindcss()],
  }),
  manifest: ({ browser }) => ({
    name: manifestMessage('manifest.name'),
    description: manifestMessage('manifest.description'),
    default_locale: browserLocaleFolder(DEFAULT_LOCALE),
    // The toolbar button's own picture (Firefox's MV2 browser_action does not fall back to "icons").
    // default_title: the toolbar button's tooltip, in the browser's language (_locales).
    ...(browser === 'firefox'
      ? { browser_action: { default_icon: ICONS, default_title: manifestMessage('manifest.name') } }
      : { action: { default_icon: ICONS, default_title: manifestMessage('manifest.name') } }),
    host_permissions: ['http://*/*', 'https://*/*'],
    // unlimitedStorage: people's comments (health stories, often unsent while offline) live in
    // IndexedDB, and a browser short of disk space may otherwise evict an origin's data without
    // asking. With it, Chrome exempts the extension's storage from quota eviction and Firefox
    // grants it persistent storage. Neither browser shows an install warning for it.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'activeTab', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Browser notifications for new notices: asked for only when the person turns them on
    // (Options), so installing shows no extra warning and nothing pops up uninvited.
    optional_permissions: ['notifications'],
    commands: {
      'add-comment': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: manifestMessage('manifest.commandAddComment'),
      },
      'show-comments': {
        suggested_key: { default: 'Alt+Shift+O' },
        description: manifestMessage('manifest.commandShowComments'),
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'lived-experience-annotator@example.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
