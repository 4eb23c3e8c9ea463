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
(${storeUrl}) and their code into the extension's options page.

  Facilitator (invite, withdraw invites, moderate):  ${body.invites.facilitator}
  Member (write comments):                           ${body.invites.member}
  Reader (policy officers: read, filter, export):    ${body.invites.reader}

Anyone with a code can join in that role, so share them only with the group.`);
  return 0;
}
