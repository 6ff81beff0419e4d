/**
 * Where the monitor keeps its data, and opening that store. The embedded default needs no
 * set-up: a SQLite file in a data folder created on first use.
 *
 * The folder, first found wins:
 *   1. the `dataDir` given (the CLI's `--data`);
 *   2. `SPFKIT_DATA_DIR`;
 *   3. `$XDG_DATA_HOME/spfkit` (XDG Base Directory spec: user data files);
 *   4. `$HOME/.local/share/spfkit` (the spec's default for XDG_DATA_HOME);
 *   5. `./data-monitor` when there is no home (a bare container).
 * The CLI run from any folder and the server thus share one database per user.
 *
 * `DATABASE_URL=postgres://…` selects the PostgreSQL store instead (pg-store.ts; many
 * machines, issue 12). Any other DATABASE_URL is an error, never a silent fallback to SQLite.
 */
import { isAbsolute, join, resolve } from 'node:path';
import type { MonitorStore } from './store.ts';
import { openPgStore } from './pg-store.ts';
import { openSqliteStore } from './sqlite-store.ts';

/** The database file name inside the data folder. */
export const SQLITE_FILE = 'monitor.sqlite';

export type StoreLocation =
  | { kind: 'sqlite'; dataDir: string; file: string }
  | { kind: 'postgres'; url: string };

/** The settings asked for a store that cannot be opened with them. */
export class StoreSettingError extends Error {
  override name = 'StoreSettingError';
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The store the settings name.
 *
 * @example
 * storeLocation({ env: { HOME: '/home/jan' }, cwd: '/tmp' });
 * // { kind: 'sqlite', dataDir: '/home/jan/.local/share/spfkit', file: '/home/jan/.local/share/spfkit/monitor.sqlite' }
 */
export function storeLocation(options: { env: Readonly<Record<string, string | undefined>>; cwd: string; dataDir?: string }): StoreLocation {
  const { env, cwd } = options;
  const url = env.DATABASE_URL?.trim();
  if (options.dataDir === undefined && url !== undefined && url !== '') {
    if (/^postgres(ql)?:\/\//i.test(url)) {
      if (!URL.canParse(url)) throw new StoreSettingError('DATABASE_URL', 'DATABASE_URL is not a valid URL (postgres://user:password@host:port/database; %-encode special characters)');
      return { kind: 'postgres', url };
    }
    throw new StoreSettingError('DATABASE_URL', 'DATABASE_URL must start with postgres:// or postgresql://');
  }
  const nonEmpty = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value);
  const xdg = nonEmpty(env.XDG_DATA_HOME);
  const home = nonEmpty(env.HOME);
  const chosen =
    nonEmpty(options.dataDir) ??
    nonEmpty(env.SPFKIT_DATA_DIR) ??
    // XDG Base Directory spec: a relative XDG_DATA_HOME is invalid and must be ignored.
    (xdg !== undefined && isAbsolute(xdg) ? join(xdg, 'spfkit') : undefined) ??
    (home !== undefined ? join(home, '.local', 'share', 'spfkit') : undefined) ??
    'data-monitor';
  const dataDir = resolve(cwd, chosen);
  return { kind: 'sqlite', dataDir, file: join(dataDir, SQLITE_FILE) };
}

/**
 * Opens the store at `location`, creating the SQLite file and its folder on first use.
 *
 * @example
 * const store = await openStore(storeLocation({ env: process.env, cwd: process.cwd() }));
 */
export async function openStore(location: StoreLocation): Promise<MonitorStore> {
  switch (location.kind) {
    case 'sqlite':
      return openSqliteStore({ file: location.file });
    case 'postgres':
      return openPgStore({ url: location.url, setting: 'DATABASE_URL' });
    default: {
      const never: never = location;
      throw new Error(`unhandled store ${String(never)}`);
    }
  }
}
