-- A comment that was shared and then made "only me" shows everyone else one tombstone, at
-- (xid, seq). Its author's later edits (and its deletion) must not move that tombstone, or
-- others would see the author at work: they get a position of their own, (own_xid, own_seq),
-- which only the author's feed uses, and shared_revision keeps the revision others last saw.
-- All three are null except while such author-only changes are the newest (rows.ts, movePosition).
alter table annotations add column own_xid xid8, add column own_seq bigint, add column shared_revision integer;
