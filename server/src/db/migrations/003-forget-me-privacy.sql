-- "Forget me" drops the author from the forgotten member's tombstones, so nothing in the
-- database ties those tombstones to each other or to the member (see README "Privacy rules").
alter table annotations alter column author_id drop not null;

-- Secrets every store process shares (the server keeps no state of its own): today the key
-- that turns feed positions into the opaque per-group cursors clients see. Written once, by
-- whichever process needs it first, with a value from node:crypto.
create table store_secrets (
  name text primary key,
  secret text not null
);
