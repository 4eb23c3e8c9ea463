import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local web server for files that live outside the fixtures folder (e.g. generated PDFs). */
export interface FileServer {
  /** The http URL serving `name`; `name` must have been given to {@link startFileServer}. */
  url(name: string): string;
  close(): Promise<void>;
}

/**
 * Serves each `files[name]` (an absolute path) at `/name`, as `application/pdf` for .pdf
 * names and `application/octet-stream` otherwise; anything else is a 404.
 */
export async function startFileServer(files: Record<string, string>): Promise<FileServer> {
  const server = http.createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname.slice(1));
    const file = Object.hasOwn(files, name) ? files[name] : undefined;
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    void stat(file).then(
      (info) => {
        response.writeHead(200, {
          'content-type': name.toLowerCase().endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream',
          'content-length': String(info.size),
        });
        createReadStream(file).pipe(response);
      },
      () => response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://127.0.0.1:${port}/${encodeURIComponent(name)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
