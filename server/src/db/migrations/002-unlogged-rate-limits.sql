-- Rate-limit counters need no durability: after a crash, starting the windows again is fine.
-- Unlogged, a counter update writes no WAL, so its commit does not wait for a disk flush
-- (one fewer fsync per write request).
alter table rate_limits set unlogged;
