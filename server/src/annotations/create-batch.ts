import { MEMBER_COLUMNS, type MemberRow } from '../auth/middleware';
import { WRITER_ROLES } from '../auth/roles';
import type { Db } from '../db/db';
import { insertAnnotationSql } from './rows';
import { createInOneStatement, FAST_KINDS, type OneStatementCreate, type OneStatementCreateInput } from './create-in-one';
import { STAMP, type StampRow } from './write-annotations';

/**
 * Group commit for new comments: `createInOneStatement` for many requests at once. Requests
 * that arrive while earlier batches are in flight wait (at most one batch) and then go
 * together in ONE statement, so one round trip, one transaction and one WAL flush serve
 * them all. Each request still gets exactly its own answer: its member row, its own count
 * in the rate-limit window (as if the requests had run one after another, in arrival
 * order) and its own new row, committed before the promise resolves.
 */
export interface CreateBatcher {
  create(input: OneStatementCreateInput): Promise<OneStatementCreate>;
}

/** How many batch statements may be in flight at once (the rest queue for the next batch). */
const IN_FLIGHT = 2;
/** The most requests one statement carries. */
const MAX_BATCH = 64;

/**
 * The batched statement. Each request is one element of a JSON array (`ord` is its place).
 * Rate-limit hits are added per (member, window) in one upsert and handed back to the
 * requests in order; a request may insert only if its token is current, the group is the
 * caller's, the role may write, its kind needs no more than that (FAST_KINDS: comments and
 * other W3C annotations; replies, answers and supports go through putAnnotation's checks)
 * and its own count is within the limit. When two requests
 * of a batch create the same id, only the first eligible one tries; the other falls
 * through like a create racing an existing row. Rows are locked in key order (counters
 * and annotations), so concurrent batches cannot deadlock on each other.
 */
const BATCH_SQL = `with req as (
    select * from json_to_recordset($1::json) as t(ord int, max_hits int, token_hash text, window_start timestamptz, group_id text, id text, annotation jsonb, visibility text, kind text, now timestamptz)),
  m as (select ${MEMBER_COLUMNS}, t.token_hash from members join member_tokens t on t.member_id = members.id where t.token_hash in (select token_hash from req)),
  rq as (
    select req.ord, req.max_hits, req.window_start, req.group_id, req.id, req.annotation, req.visibility, req.kind, req.now,
      m.id as member_id, m.group_id as member_group, m.role,
      row_number() over (partition by m.id, req.window_start order by req.ord) as k,
      count(*) over (partition by m.id, req.window_start) as n
    from req join m on m.token_hash = req.token_hash
    where m.revoked_at is null),
  r as (
    insert into rate_limits (bucket, window_start, hits)
    select 'write:' || member_id, window_start, count(*) from rq group by member_id, window_start order by 1, 2
    on conflict (bucket, window_start) do update set hits = rate_limits.hits + excluded.hits
    returning bucket, window_start, hits),
  h as (
    select rq.*, (r.hits - rq.n + rq.k)::int as hits
    from rq join r on r.bucket = 'write:' || rq.member_id and r.window_start = rq.window_start),
  c as (
    select distinct on (group_id, id) * from h
    where member_group = group_id and hits <= max_hits and role in (select json_array_elements_text($2::json))
      and kind in (select json_array_elements_text($3::json))
    order by group_id, id, ord),
  ins as (
    ${insertAnnotationSql(
      { group: 'c.group_id', id: 'c.id', author: 'c.member_id', annotation: 'c.annotation', visibility: 'c.visibility', kind: 'c.kind', target: 'null::text', now: 'c.now' },
      `from c order by c.group_id, c.id
      on conflict (group_id, id) do nothing
      returning id, ${STAMP}`,
    )})
  select req.ord, m.id, m.group_id, m.role, m.display_name, m.revoked_at, m.last_active_at, h.hits,
    (select row_to_json(ins) from ins where ins.group_id = c.group_id and ins.id = c.id) as stamp
  from req
  left join m on m.token_hash = req.token_hash
  left join h on h.ord = req.ord
  left join c on c.ord = req.ord
  order by req.ord`;

type BatchRow = { ord: number; hits: number | null; stamp: (StampRow & { id: string }) | null } & { [K in keyof MemberRow]: MemberRow[K] | null };

/** Run one batch statement; the results are in the inputs' order. */
export async function createManyInOneStatement(db: Db, inputs: readonly OneStatementCreateInput[]): Promise<OneStatementCreate[]> {
  const payload = JSON.stringify(
    inputs.map((input, ord) => ({
      ord,
      max_hits: input.maxHits,
      token_hash: input.tokenHash,
      window_start: input.windowStart,
      group_id: input.group,
      id: input.uuid,
      annotation: input.annotation,
      visibility: input.visibility,
      kind: input.kind,
      now: input.now,
    })),
  );
  const { rows } = await db.query<BatchRow>(BATCH_SQL, [payload, JSON.stringify(WRITER_ROLES), JSON.stringify(FAST_KINDS)]);
  if (rows.length !== inputs.length) throw new Error(`batch create: ${rows.length} answers for ${inputs.length} requests`);
  return rows.map((row) => {
    if (row.id === null) return { member: null, hits: 0, stamp: null };
    const member: MemberRow = { id: row.id, group_id: row.group_id!, role: row.role!, display_name: row.display_name, revoked_at: row.revoked_at, last_active_at: row.last_active_at };
    let stamp: StampRow | null = null;
    if (row.stamp) {
      const { id: _id, ...rest } = row.stamp;
      stamp = rest;
    }
    return { member, hits: Number(row.hits ?? 0), stamp };
  });
}

interface Waiting {
  input: OneStatementCreateInput;
  resolve: (out: OneStatementCreate) => void;
  reject: (error: unknown) => void;
}

/**
 * A group-commit queue over `db` for one write limit. A request goes out at once when
 * fewer than IN_FLIGHT batches are running (after the current I/O turn, so requests read
 * in the same turn share a statement); otherwise it joins the next batch. A batch that
 * fails as a whole (say, one body PostgreSQL refuses) is retried one request at a time, so
 * no request's answer depends on another's body.
 */
export function createBatcher(db: Db): CreateBatcher {
  const queue: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      pump();
    });
  }

  function pump(): void {
    while (inFlight < IN_FLIGHT && queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      inFlight++;
      void run(batch).finally(() => {
        inFlight--;
        if (queue.length > 0) schedule();
      });
    }
  }

  async function run(batch: Waiting[]): Promise<void> {
    let results: OneStatementCreate[] | null = null;
    try {
      results = await createManyInOneStatement(
        db,
        batch.map((w) => w.input),
      );
    } catch {
      // Nothing of a failed statement committed: settle each request on its own.
      await Promise.all(batch.map((w) => createInOneStatement(db, w.input).then(w.resolve, w.reject)));
      return;
    }
    batch.forEach((w, i) => w.resolve(results[i]!));
  }

  return {
    create(input) {
      return new Promise((resolve, reject) => {
        queue.push({ input, resolve, reject });
        schedule();
      });
    },
  };
}

const batchers = new WeakMap<Db, CreateBatcher>();

/** The batcher of a database (one queue per store process and database, made on first use). */
export function batcherFor(db: Db): CreateBatcher {
  let batcher = batchers.get(db);
  if (!batcher) batchers.set(db, (batcher = createBatcher(db)));
  return batcher;
}
