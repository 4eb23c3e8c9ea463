import { Hono, type Context } from 'hono';
import { parseAcceptLanguage, pickLocale, type Locale } from '../../../../utils/i18n/locales';
import type { AppEnv } from '../../context';
import { ApiError } from '../../errors';
import { createWebappFiles, DEFAULT_WEBAPP_DIR, HTML_HEADERS, notBuiltPage } from './webapp-files';

/** The web app's own addresses (client-side routes): each answers index.html. */
export const WEBAPP_PAGES = ['/', '/sign-in', '/documents', '/search', '/c/:uuid', '/group', '/group/*'] as const;

const ONE_YEAR = 365 * 24 * 60 * 60;

/**
 * index.html with `<html lang>` set to `locale`, so the web app starts in the language the
 * browser asked for (it reads `<html lang>` at boot; a language chosen in the app wins later).
 */
export function withDocumentLang(html: string, locale: Locale): string {
  return html.replace(/<html\b([^>]*?)\slang="[^"]*"/i, `<html$1 lang="${locale}"`);
}

/**
 * The group's web app (server/webapp, built by `npm run build:webapp`), mounted at `/`:
 * index.html at each page address with a strict CSP, files under `/assets/`. Before the
 * build, every page answers 503 saying what to run. Nothing here reads the database.
 */
export function webappRoutes(dir: string = DEFAULT_WEBAPP_DIR) {
  const files = createWebappFiles(dir);
  const app = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>) => {
    const html = await files.index();
    if (html === null) return c.body(notBuiltPage(), 503, { ...HTML_HEADERS, 'Retry-After': '60' });
    const locale = pickLocale(parseAcceptLanguage(c.req.header('accept-language')));
    return c.body(withDocumentLang(html, locale), 200, { ...HTML_HEADERS, Vary: 'Accept-Language' });
  };
  for (const route of WEBAPP_PAGES) app.get(route, page);

  app.get('/assets/:name', async (c) => {
    const file = await files.asset(c.req.param('name'));
    if (!file) throw new ApiError(404, 'not-found', 'server.noSuchWebappFile');
    return c.body(file.body, 200, {
      'Content-Type': file.contentType,
      // Hashed names change with their content; anything else is checked every time.
      'Cache-Control': file.immutable ? `public, max-age=${ONE_YEAR}, immutable` : 'no-cache',
    });
  });
  return app;
}
