import { Button } from '@hypothesis/frontend-shared';
import { useState } from 'preact/hooks';
import type { Theme } from '../utils/model/themes';
import { buildDigest, DIGEST_FORMATS, renderDigest, type DigestEntry, type DigestFilters, type DigestFormat } from '../utils/digest';

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
 * Markdown, printable web page or W3C JSON-LD. "Only me" comments are never included.
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
  const [message, setMessage] = useState('');
  async function exportAs(format: DigestFormat) {
    setMessage('Preparing your file…');
    try {
      const digest = buildDigest({ annotations: entries(), scope: 'group', generatedAt: new Date(), ...(filters ? { filters } : {}), ...(themes ? { themes } : {}) });
      save(await renderDigest(digest, format));
      setMessage(`Your ${DIGEST_FORMATS[format].label} file is ready in your downloads.`);
    } catch (e) {
      setMessage(`The file could not be made: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return (
    <section aria-labelledby="export-heading" class="space-y-2 rounded border border-grey-4 p-2">
      <h2 id="export-heading" class="font-semibold">
        {title}
      </h2>
      <p class="text-xs text-grey-7">Comments marked “Only me” and comments hidden by a facilitator are left out. Anonymous comments never show a name.</p>
      <div class="flex flex-wrap gap-2">
        {(Object.keys(DIGEST_FORMATS) as DigestFormat[]).map((format) => (
          // Long labels wrap inside the button rather than push out of a narrow panel.
          <Button key={format} size="sm" classes="min-w-0 max-w-full whitespace-normal! text-left" onClick={() => void exportAs(format)}>
            {DIGEST_FORMATS[format].label}
          </Button>
        ))}
      </div>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
