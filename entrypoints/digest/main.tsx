import { renderExtensionPage } from '../shared/extension-page';
import '../../components/styles.css';
import { browser } from 'wxt/browser';
import { DigestPage } from '../../components/DigestPage';
import { callBackground, type BackgroundRequest } from '../../utils/messaging';
import { DEFAULT_THEMES } from '../../utils/model/themes';

const send = (m: BackgroundRequest) => browser.runtime.sendMessage(m);
// One read for the comments and the group's theme vocabulary (synced with them).
const all = callBackground(send, { type: 'annotations/all' });
const load = async () => {
  const { annotations, hidden } = await all;
  return annotations.map((annotation) => ({ annotation, hidden: hidden[annotation.id] ?? null }));
};
const loadThemes = async () => (await all).themes ?? DEFAULT_THEMES;

// The digests this page makes are in its language too.
renderExtensionPage(() => <DigestPage load={load} loadThemes={loadThemes} />, { title: 'digest.page.title' });
