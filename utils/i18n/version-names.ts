/**
 * "Written on …" for a comment from another version of the document, in the reader's
 * language, from the version as data (utils/document/versions.ts VersionName).
 */
import type { VersionName } from '../document/versions';
import type { MessageKey } from './catalogue';
import type { Translator } from './translate';

const ORIGINAL: Readonly<Record<string, MessageKey>> = {
  enacted: 'sidepanel.version.enacted',
  made: 'sidepanel.version.made',
  created: 'sidepanel.version.created',
  adopted: 'sidepanel.version.adopted',
};

/** The version's name: "the current version", "as enacted", "as it stood on 1 October 2014", a link's label. */
function nameOf(i18n: Translator, name: VersionName): { text: string; asForm: boolean } {
  const { t } = i18n;
  if (name.kind === 'label') return { text: name.label, asForm: false };
  if (name.kind === 'unknown') return { text: t('sidepanel.version.another'), asForm: false };
  let text: string;
  let asForm = true;
  if (name.version === 'original' && name.id && ORIGINAL[name.id]) text = t(ORIGINAL[name.id]!);
  else if (name.version === 'point-in-time' && name.id) {
    text = t('sidepanel.version.stoodOn', { date: i18n.formatDate(`${name.id}T00:00:00Z`, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) });
  } else {
    asForm = false;
    text = t(name.version === 'prospective' ? 'sidepanel.version.prospective' : 'sidepanel.version.current');
  }
  return { text: name.welsh ? t('sidepanel.version.inWelsh', { name: text }) : text, asForm };
}

/** "Written on the Care Bill (2013-14)", "Written on the version as enacted", … in the reader's language. */
export function writtenOnSentence(i18n: Translator, name: VersionName): string {
  const { text, asForm } = nameOf(i18n, name);
  return i18n.t(asForm ? 'sidepanel.version.writtenOnVersion' : 'sidepanel.version.writtenOn', { name: text });
}
