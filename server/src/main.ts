// `npm run store [-- command]`: no command starts the store; `create-group` runs the CLI.
import { runCli } from './cli';
import { parseEnv } from './env';
import { errorLogFields } from './log';
import { startStore } from './serve';

const args = process.argv.slice(2);

if (args.length > 0) {
  process.exitCode = await runCli(args, process.env);
} else {
  const parsed = parseEnv(process.env);
  if (!parsed.ok) {
    console.error(`store: the environment is not valid:\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}`);
    process.exit(1);
  }
  try {
    const { stop } = await startStore(parsed.env);
    const shutdown = (signal: string) => {
      console.log(`store: ${signal} received, stopping`);
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('store: error while stopping', errorLogFields(error));
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') console.error(`store: port ${parsed.env.PORT} is already in use. Stop the other program or set PORT.`);
    else if (e.code === 'ECONNREFUSED') console.error(`store: cannot reach PostgreSQL at DATABASE_URL (${e.message}).`);
    // A system error (EACCES, ENOENT…) names a file or address, never what people wrote; others may quote stored values.
    else if (typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) console.error(`store: could not start: ${e.message}`);
    else console.error('store: could not start:', errorLogFields(e));
    process.exit(1);
  }
}
