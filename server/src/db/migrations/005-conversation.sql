-- The conversation around a comment (PROTOCOL.md "Conversation"): replies, answers and
-- "this is my experience too" supports are annotations whose target is another annotation
-- of the same group. `target_id` is that annotation's uuid (null for comments and other
-- annotations), `kind` what the row is: 'comment', 'reply', 'answer', 'support' or 'other'
-- (a W3C annotation from another tool). Runs unchanged on PGlite and PostgreSQL.
alter table annotations add column target_id text, add column kind text;

-- Rows written before: extension comments (they carry our terms) or other W3C annotations.
-- Tombstones have no content left to tell; they keep kind null.
update annotations set kind = case
    when annotation ?| array['visibility', 'perspective', 'attribution'] then 'comment'
    when jsonb_typeof(annotation -> '@context') = 'array' and exists (
      select 1 from jsonb_array_elements(annotation -> '@context') as c
      where jsonb_typeof(c) = 'object' and c ? 'lea') then 'comment'
    else 'other' end
  where annotation is not null;

alter table annotations add constraint annotations_kind check (kind in ('comment', 'reply', 'answer', 'support', 'other'));

-- A comment's replies and supports, found by its uuid.
create index annotations_target on annotations (group_id, target_id);

-- One live "this is my experience too" per member per comment (taken back = deleted).
create unique index annotations_one_support on annotations (group_id, author_id, target_id)
  where kind = 'support' and not deleted;

-- An officer's profile, shown with their answers (written by PATCH /api/me).
alter table members add column job_title text, add column organisation text;
