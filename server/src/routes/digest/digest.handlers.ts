import type { Context } from 'hono';
import { DIGEST_FORMATS, isDigestFormat } from '../../../../utils/digest/formats';
import type { AppEnv } from '../../context';
import { DigestBusyError } from '../../digest-worker/digest-renderer';
import { ApiError, msg } from '../../errors';
import { DIGEST_SORTS, type DigestFilters, type DigestSort } from '../../../../utils/digest/types';
import { NOT_ANSWERED, type AnswerFilter } from '../../../../utils/conversation/build-thread';
import { ANSWER_STATUS_VALUES } from '../../../../utils/model/conversation';
import { KINDS, PERSPECTIVES } from '../../../../utils/model/vocabulary';
import { isLocale, parseAcceptLanguage, pickLocale, type Locale } from '../../../../utils/i18n/locales';
import { readDigestConversation, readDigestEntries, readGroupName } from './digest.queries';
import { groupThemes } from '../themes/themes.handlers';
import { readDocumentLinks } from '../documents/documents.handlers';

const FORMAT_LIST = Object.keys(DIGEST_FORMATS).join(', ');
const MAX_DOCUMENT_LENGTH = 2048;
const MAX_THEME_LENGTH = 200;
/** What a busy answer asks the reader to wait ("try again in a minute"). */
const BUSY_RETRY_SECONDS = 60;

function parseFormat(text: string | undefined) {
  if (text === undefined || text === '') {
    throw new ApiError(400, 'invalid-body', msg('server.digestFormatMissing', { formats: FORMAT_LIST }));
  }
  if (!isDigestFormat(text)) {
    throw new ApiError(400, 'invalid-body', msg('server.digestFormatUnknown', { given: text.slice(0, 40), formats: FORMAT_LIST }));
  }
  return text;
}

/** `sort`: absent (document order), `document`, or `support` (most supported first). */
function parseSort(text: string | undefined): DigestSort {
  const value = text?.trim();
  if (!value) return 'document';
  if ((DIGEST_SORTS as readonly string[]).includes(value)) return value as DigestSort;
  throw new ApiError(
    400,
    'invalid-body',
    msg('server.digestSortUnknown', { given: value.slice(0, 40) }),
  );
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** One of `values` (a fixed vocabulary: perspective, kind, answer), or absent. */
function picked(c: Context<AppEnv>, name: string, values: readonly string[]): string | undefined {
  const value = c.req.query(name)?.trim();
  if (!value) return undefined;
  if (values.includes(value)) return value;
  throw new ApiError(400, 'invalid-body', msg('server.digestFilterUnknown', { given: value.slice(0, 40), name, values: values.map((x) => `"${x}"`).join(', ') }));
}

/** A day, YYYY-MM-DD, or absent. */
function day(c: Context<AppEnv>, name: 'from' | 'to'): string | undefined {
  const value = c.req.query(name)?.trim();
  if (!value) return undefined;
  if (DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return value;
  throw new ApiError(400, 'invalid-body', msg('server.digestDayInvalid', { name, given: value.slice(0, 40) }));
}

/** `passages`: the fewest comments a passage needs (1–1000), or absent. */
function passages(c: Context<AppEnv>): number | undefined {
  const value = c.req.query('passages')?.trim();
  if (!value) return undefined;
  const n = Number(value);
  if (/^\d{1,4}$/.test(value) && n >= 1 && n <= 1000) return n;
  throw new ApiError(400, 'invalid-body', msg('server.digestPassagesInvalid', { given: value.slice(0, 40) }));
}

/** The side panel's filters the digest also applies (utils/overlay/filters.ts). */
function panelFilters(c: Context<AppEnv>): Omit<DigestFilters, 'document' | 'theme'> {
  const perspective = picked(c, 'perspective', PERSPECTIVES.map((p) => p.value));
  const kind = picked(c, 'kind', KINDS.map((k) => k.value));
  const answer = picked(c, 'answer', [NOT_ANSWERED, ...ANSWER_STATUS_VALUES]) as AnswerFilter | undefined;
  const author = optionalParam(c, 'author', MAX_THEME_LENGTH);
  const from = day(c, 'from');
  const to = day(c, 'to');
  const fewest = passages(c);
  return {
    ...(perspective ? { perspective } : {}),
    ...(kind ? { kind } : {}),
    ...(answer ? { answer } : {}),
    ...(author ? { author } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(fewest && fewest > 1 ? { minPerPassage: fewest } : {}),
  };
}

/** `versions`: absent or `apart` (every address a document of its own), or `together` (each document's versions as one). */
function parseVersions(text: string | undefined): boolean {
  const value = text?.trim();
  if (!value || value === 'apart') return false;
  if (value === 'together') return true;
  throw new ApiError(400, 'invalid-body', msg('server.digestVersionsUnknown', { given: value.slice(0, 40) }));
}

/**
 * `lang`: `en-GB` or `cy`; absent, the reader's Accept-Language (English when it asks for
 * neither). Anything else is a 400, said in the language the browser asks for.
 */
export function parseLang(text: string | undefined, acceptLanguage: string | undefined): Locale {
  const asked = pickLocale(parseAcceptLanguage(acceptLanguage));
  const value = text?.trim();
  if (!value) return asked;
  if (isLocale(value)) return value;
  // A catalogue message: handleError says it in the caller's language (Accept-Language here, since lang is not one).
  throw new ApiError(400, 'invalid-body', msg('digest.error.lang', { value: value.slice(0, 40) }));
}

function optionalParam(c: Context<AppEnv>, name: string, max: number): string | undefined {
  const value = c.req.query(name)?.trim();
  if (!value) return undefined;
  if (value.length > max) throw new ApiError(400, 'invalid-body', msg('server.fieldTooLong', { name, max }));
  return value;
}

/**
 * `GET /api/groups/{group}/digest?format=csv|md|html|docx|jsonld[&document=<url>][&theme=<id or name>][&sort=support][&versions=together][&perspective=…][&kind=…][&author=…][&from=YYYY-MM-DD][&to=…][&answer=…][&passages=N][&lang=en-GB|cy]`:
 * the group's digest as a download, for every role of the group: comments with their
 * threads, latest answers and support counts. Hidden comments are counted and never shown,
 * hidden replies only marked; themes grouped by id and printed with the group's labels; "only me" comments are never in it; anonymous ones carry no name.
 * Rendered off the event loop (deps.digests); a busy store answers 429/503 with Retry-After.
 */
export async function getDigest(c: Context<AppEnv>) {
  const format = parseFormat(c.req.query('format'));
  const document = optionalParam(c, 'document', MAX_DOCUMENT_LENGTH);
  const theme = optionalParam(c, 'theme', MAX_THEME_LENGTH);
  const sort = parseSort(c.req.query('sort'));
  const together = parseVersions(c.req.query('versions'));
  const more = panelFilters(c);
  const locale = parseLang(c.req.query('lang'), c.req.header('Accept-Language'));
  const { db, clock, publicUrl, digests } = c.get('deps');
  const member = c.get('member');
  const url = new URL(c.req.url);
  const rendered = await digests
    .render(member.groupId, async () => {
      // With versions together a document's digest takes in its versions: read the group's
      // comments and let the digest choose (utils/digest/version-groups.ts).
      const on = together ? undefined : document;
      const [entries, conversation, groupName, themes, links] = await Promise.all([
        readDigestEntries(db, member, on),
        readDigestConversation(db, member, on),
        readGroupName(db, member.groupId),
        groupThemes(db, member.groupId),
        together ? readDocumentLinks(db, member.groupId) : Promise.resolve(undefined),
      ]);
      return {
        entries,
        conversation: conversation.entries,
        supportCounts: conversation.supportCounts,
        sort,
        ...(links ? { links } : {}),
        filters: { ...(document ? { document } : {}), ...(theme ? { theme } : {}), ...more },
        generatedAt: clock(),
        ...(groupName ? { groupName } : {}),
        themes,
        locale,
        format,
        jsonLdId: `${publicUrl ?? url.origin}${url.pathname}${url.search}`,
      };
    })
    .catch((error: unknown) => {
      if (!(error instanceof DigestBusyError)) throw error;
      // 429: this group already has its digests in progress; 503: the whole store is full.
      throw new ApiError(error.refusal === 'group-busy' ? 429 : 503, 'rate-limited', error.message, {}, { 'Retry-After': String(BUSY_RETRY_SECONDS) });
    });
  return c.body(rendered.body as string | Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': rendered.contentType,
    'Content-Language': locale,
    // The same address gives another language to another Accept-Language.
    Vary: 'Accept-Language',
    'Content-Disposition': `attachment; filename="${rendered.fileName}"`,
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  });
}
