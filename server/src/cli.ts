import { readFile, writeFile } from 'node:fs/promises';
import { readImportFile } from '../../utils/interop/read-import';
import type { LeaAnnotation } from '../../utils/model/annotation';
import { readAdminToken } from './admin-token';

/** Options the CLI reads from the environment. */
export interface CliEnv {
  STORE_URL?: string | undefined;
  DATA_DIR?: string | undefined;
  ADMIN_TOKEN?: string | undefined;
}

const USAGE = `Usage:
  npm run store                                   start the store
  npm run store -- create-group "Group name" [--json]
                                                  make a group and its invite codes
  npm run store -- import <group> <file> [--dry-run]
                                                  import a Hypothesis export (or search API
                                                  rows) or W3C JSON-LD as the group's comments
  npm run store -- export <group> --format hypothesis --out file.json
                                                  the group's comments as a Hypothesis file
                                                  (or npm run --silent store -- export ... > file.json:
                                                  without --silent npm prints its own lines first)

The command talks to the running store at STORE_URL (default http://localhost:8787)
with the admin token from ADMIN_TOKEN or DATA_DIR/admin-token (DATA_DIR default ./data).`;

interface CreatedGroup {
  group: string;
  invites: { facilitator: string; member: string; reader: string };
}

/**
 * Run a CLI command; returns the exit code. Output goes through `out` / `err` so tests can
 * capture it. The CLI never opens the database: PGlite has one owner, the store process.
 */
export async function runCli(args: string[], env: CliEnv, out = console.log, err = console.error, fetchImpl: typeof fetch = fetch): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'help' || command === '--help' || command === '-h') {
    out(USAGE);
    return 0;
  }
  if (command === 'import' || command === 'export') return transfer(command, rest, env, out, err, fetchImpl);
  if (command !== 'create-group') {
    err(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  const json = rest.includes('--json');
  const names = rest.filter((a) => a !== '--json');
  if (names.length !== 1 || !names[0]!.trim()) {
    err(`Please give the group's name once, in quotes: npm run store -- create-group "NCAG"`);
    return 2;
  }
  const storeUrl = (env.STORE_URL || 'http://localhost:8787').replace(/\/$/, '');
  const dataDir = env.DATA_DIR || './data';
  const token = await readAdminToken(dataDir, env.ADMIN_TOKEN || undefined);
  if (!token) {
    err(`No admin token: set ADMIN_TOKEN, or run this where the store keeps ${dataDir}/admin-token (set DATA_DIR to the store's data folder).`);
    return 1;
  }
  let response: Response;
  try {
    response = await fetchImpl(`${storeUrl}/api/admin/groups`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: names[0]!.trim() }),
    });
  } catch (error) {
    err(`Could not reach the store at ${storeUrl} (${(error as Error).message}). Is it running? Start it with: npm run store`);
    return 1;
  }
  const body = (await response.json().catch(() => null)) as (CreatedGroup & { error?: { message?: string } }) | null;
  if (response.status !== 201 || !body?.group) {
    err(`The store refused: ${body?.error?.message ?? `HTTP ${response.status}`}`);
    return 1;
  }
  if (json) {
    out(JSON.stringify({ group: body.group, invites: body.invites }));
    return 0;
  }
  out(`Created the group "${names[0]!.trim()}" (id ${body.group}) on ${storeUrl}.

Give each person the invite code for their role. They paste the store address
(${storeUrl}) and their code into the extension's options page, or sign in
with the code at ${storeUrl}/ (the group's web app: nothing to install, for
officers and facilitators).

  Facilitator (invite, withdraw invites, moderate):  ${body.invites.facilitator}
  Member (write comments):                           ${body.invites.member}
  Reader (policy officers: read, filter, export):    ${body.invites.reader}

Anyone with a code can join in that role, so share them only with the group.`);
  return 0;
}

/** The store address and admin token, or the message saying what is missing. */
async function storeAccess(env: CliEnv): Promise<{ storeUrl: string; token: string } | string> {
  const storeUrl = (env.STORE_URL || 'http://localhost:8787').replace(/\/$/, '');
  const dataDir = env.DATA_DIR || './data';
  const token = await readAdminToken(dataDir, env.ADMIN_TOKEN || undefined);
  if (!token) return `No admin token: set ADMIN_TOKEN, or run this where the store keeps ${dataDir}/admin-token (set DATA_DIR to the store's data folder).`;
  return { storeUrl, token };
}

/** A request body stays well under the store's 256 KB limit. */
const PART_BYTES = 200 * 1024;
const PART_ITEMS = 1000;

/** Comments in parts the store accepts (each part's JSON under PART_BYTES), as JSON text. */
function inParts(comments: readonly LeaAnnotation[]): string[][] {
  const parts: string[][] = [];
  let part: string[] = [];
  let bytes = 0;
  for (const comment of comments) {
    const json = JSON.stringify(comment);
    const size = Buffer.byteLength(json) + 1;
    if (part.length > 0 && (bytes + size > PART_BYTES || part.length >= PART_ITEMS)) {
      parts.push(part);
      part = [];
      bytes = 0;
    }
    part.push(json);
    bytes += size;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

interface ImportAnswer {
  new: number;
  alreadyThere: number;
  refused: number;
  results: { position: number; via: string | null; status: string; reason?: string }[];
  error?: { message?: string };
}

/**
 * `import <group> <file> [--dry-run]` and `export <group> --format hypothesis`. The file is
 * read here (utils/interop); the store checks and writes (it owns the database).
 */
async function transfer(command: 'import' | 'export', args: string[], env: CliEnv, out: (s: string) => void, err: (s: string) => void, fetchImpl: typeof fetch): Promise<number> {
  const dryRun = args.includes('--dry-run');
  const valueOf = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? { at: at + 1, value: args[at + 1] } : null;
  };
  const format = valueOf('--format')?.value;
  const outFile = valueOf('--out');
  const valueAt = new Set([valueOf('--format')?.at, outFile?.at]);
  const positional = args.filter((a, i) => !a.startsWith('--') && !valueAt.has(i));
  if (command === 'import' && positional.length !== 2) {
    err('Please give the group id and the file: npm run store -- import <group> <file> [--dry-run]');
    return 2;
  }
  if (command === 'export' && (positional.length !== 1 || format !== 'hypothesis')) {
    err('Please give the group id and the format: npm run store -- export <group> --format hypothesis --out file.json');
    return 2;
  }
  const group = positional[0]!;
  const access = await storeAccess(env);
  if (typeof access === 'string') {
    err(access);
    return 1;
  }
  const url = `${access.storeUrl}/api/groups/${encodeURIComponent(group)}/${command}`;
  const call = async (init: RequestInit & { query?: string }): Promise<{ status: number; body: unknown } | null> => {
    try {
      const response = await fetchImpl(`${url}${init.query ?? ''}`, { ...init, headers: { authorization: `Bearer ${access.token}`, 'content-type': 'application/json' } });
      return { status: response.status, body: await response.json().catch(() => null) };
    } catch (error) {
      err(`Could not reach the store at ${access.storeUrl} (${(error as Error).message}). Is it running? Start it with: npm run store`);
      return null;
    }
  };
  const refusal = (answer: { status: number; body: unknown }) => (answer.body as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${answer.status}`;

  if (command === 'export') {
    const answer = await call({ method: 'GET', query: '?format=hypothesis' });
    if (!answer) return 1;
    if (answer.status !== 200) {
      err(`The store refused: ${refusal(answer)}`);
      return 1;
    }
    const text = JSON.stringify(answer.body, null, 2);
    if (outFile?.value) await writeFile(outFile.value, `${text}\n`);
    else out(text);
    const n = (answer.body as { annotations: unknown[] }).annotations.length;
    err(`Exported ${n} comment${n === 1 ? '' : 's'} of group ${group} in the Hypothesis client's export format.`);
    return 0;
  }

  const file = positional[1]!;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    err((error as NodeJS.ErrnoException).code === 'ENOENT' ? `There is no file ${file}.` : `${file} is not a JSON file (${(error as Error).message.slice(0, 120)}).`);
    return 1;
  }
  const read = readImportFile(json);
  if (!read.ok) {
    err(read.reason);
    return 1;
  }
  const refused = read.refused.map((r) => ({ position: r.position, via: r.via, reason: r.reason }));
  let fresh = 0;
  // The same original twice in one file counts once (the store sees the file in parts).
  const vias = new Set<string>();
  const once = read.comments.filter((c) => !vias.has(c.via!) && Boolean(vias.add(c.via!)));
  let there = read.comments.length - once.length;
  for (const part of inParts(once)) {
    const answer = await call({ method: 'POST', body: `{"comments":[${part.join(',')}],"dryRun":${dryRun}}` });
    if (!answer) return 1;
    if (answer.status !== 200) {
      err(`The store refused: ${refusal(answer)}`);
      return 1;
    }
    const result = answer.body as ImportAnswer;
    fresh += result.new;
    there += result.alreadyThere;
    for (const r of result.results) if (r.status === 'refused') refused.push({ position: -1, via: r.via, reason: r.reason ?? 'Refused by the store.' });
  }
  const total = read.comments.length + read.refused.length;
  const kind = read.format === 'hypothesis' ? 'Hypothesis' : 'W3C';
  const lines = [
    `${dryRun ? 'Dry run: nothing was written.' : `Imported into group ${group}.`} ${total} ${kind} annotation${total === 1 ? '' : 's'} in ${file}:`,
    `  new:            ${fresh}${dryRun ? ' (would be added)' : ''}`,
    `  already there:  ${there}`,
    `  refused:        ${refused.length}`,
    ...refused.map((r) => `    - ${r.position >= 0 ? `item ${r.position + 1}` : 'an item'}${r.via ? ` (${r.via})` : ''}: ${r.reason}`),
  ];
  if (read.tagsLeftOut > 0) lines.push(`  tags left out (empty or over 200 characters): ${read.tagsLeftOut}`);
  if (dryRun) lines.push('Run it again without --dry-run to import.');
  out(lines.join('\n'));
  return 0;
}
