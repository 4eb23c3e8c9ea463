import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import tailwindcss from '@tailwindcss/vite';

// Manifest permissions are the least the features need. Host permissions are the content
// script's own sites (http/https), so the install warning is unchanged: the PDF viewer, an
// extension page, needs them to read a PDF's bytes from the site that serves it. No "tabs"
// (activeTab covers the popup's view of the current page).
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), tailwindcss()],
  }),
  manifest: ({ browser }) => ({
    name: 'Lived Experience Annotator',
    description:
      'Comment on policy documents from your own experience of care and support, and share it with your co-production group.',
    host_permissions: ['http://*/*', 'https://*/*'],
    permissions: ['storage', 'contextMenus', 'activeTab', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    commands: {
      'add-comment': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: 'Add a comment on the selected text',
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
