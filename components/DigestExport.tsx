import { Button } from '@hypothesis/frontend-shared';
import { useState } from 'preact/hooks';
import type { Theme } from '../utils/model/themes';
import type { DigestEntry, DigestFilters } from '../utils/digest/types';
import { DIGEST_FORMATS, type DigestFormat } from '../utils/digest/format-list';
import type { MessageKey } from '../utils/i18n/catalogue';
import { useI18n } from './i18n';

/** The catalogue key of a format's name on its button. */
export const formatKey = (format: DigestFormat) => `digest.format.${format}` as MessageKey;

/** Hands a finished file to the browser's downloads (injected so tests can capture it). */
export type SaveFile = (file: { body: string | Uint8Array; contentType: string; fileName: string }) => void;

/** Save through a temporary object URL and a download link: works in every extension page. */
export const saveWithDownloadLink: SaveFile = ({ body, contentType, fileName }) => {
  const blob = new Blob([body as BlobPart], { type: contentType });
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

/**
 * Buttons that export the comments as a digest for a consultation response: Word, CSV,
 * Markdown, printable web page or W3C JSON-LD. "Only me" comments are never included. The
 * digest is written in the reader's language (the I18nProvider's).
 */
export function DigestExport({
  entries,
  filters,
  title,
  themes,
  save = saveWithDownloadLink,
}: {
  entries: () => DigestEntry[];
  filters?: DigestFilters;
  title: string;
  /** The group's theme vocabulary: the digest prints its labels (default Making It Real). */
  themes?: readonly Theme[];
  save?: SaveFile;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [message, setMessage] = useState('');
  async function exportAs(format: DigestFormat) {
    setMessage(t('digest.export.preparing'));
    try {
      // The builder and renderers (Word's among them, most of this page's script) load when a
      // person asks for a digest, not with the side panel: it opens sooner.
      const { buildDigest, renderDigest } = await import('../utils/digest');
      const digest = buildDigest({ annotations: entries(), scope: 'group', generatedAt: new Date(), i18n, ...(filters ? { filters } : {}), ...(themes ? { themes } : {}) });
      save(await renderDigest(digest, format, { i18n }));
      setMessage(t('digest.export.ready', { format: t(formatKey(format)) }));
    } catch (e) {
      setMessage(t('digest.export.failed', { problem: e instanceof Error ? e.message : String(e) }));
    }
  }
  return (
    <section aria-labelledby="export-heading" class="space-y-2 rounded border border-grey-4 p-2">
      <h2 id="export-heading" class="font-semibold">
        {title}
      </h2>
      <p class="text-xs text-grey-7">{t('digest.export.leftOut')}</p>
      <div class="flex flex-wrap gap-2">
        {(Object.keys(DIGEST_FORMATS) as DigestFormat[]).map((format) => (
          // Long labels wrap inside the button rather than push out of a narrow panel.
          <Button key={format} size="sm" classes="min-w-0 max-w-full whitespace-normal! text-left" onClick={() => void exportAs(format)}>
            {t(formatKey(format))}
          </Button>
        ))}
      </div>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
