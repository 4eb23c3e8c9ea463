-- Search reads a narrow table of its own (`search_items`): one row per comment, reply or
-- answer that has text, holding only what search filters and ranks on (who may read it, its
-- kind and time, and its words as a tsvector). A broad word matches a fifth of a big group's
-- comments, and ranking reads every match's words: from `annotations`, whose rows carry the
-- whole annotation (~1.3 KB), that visited one heap page per match (13,700 pages for 18,000
-- matches in 100,000 comments); this table is a quarter of the size and stays in memory.
--
-- A trigger keeps it in step with `annotations` in the same transaction: a row appears when
-- an item with text is written, its flags follow visibility, hiding and deletion, and it goes
-- when the item is deleted or forgotten ("forget me" overwrites the annotation with null; the
-- row is deleted and reclaimDisk rewrites this table with VACUUM FULL like `annotations`).
-- The words are computed once per written annotation (lea_search_vector, migration 010).
create table search_items (
  group_id text not null,
  id text not null,
  kind text not null,
  author_id text,
  visibility text not null,
  hidden boolean not null,
  created_at timestamptz not null,
  words tsvector not null,
  primary key (group_id, id)
);

create function lea_search_items_sync() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    delete from search_items where group_id = old.group_id and id = old.id;
    return null;
  end if;
  if new.annotation is null or new.deleted or new.kind is null or new.kind not in ('comment', 'other', 'reply', 'answer') then
    delete from search_items where group_id = new.group_id and id = new.id;
    return null;
  end if;
  if tg_op = 'UPDATE' and old.annotation is not distinct from new.annotation then
    update search_items
       set kind = new.kind, author_id = new.author_id, visibility = new.visibility,
           hidden = new.hidden_reason is not null, created_at = new.created_at
     where group_id = new.group_id and id = new.id;
    if found then
      return null;
    end if;
  end if;
  insert into search_items (group_id, id, kind, author_id, visibility, hidden, created_at, words)
  values (new.group_id, new.id, new.kind, new.author_id, new.visibility, new.hidden_reason is not null, new.created_at, lea_search_vector(new.annotation))
  on conflict (group_id, id) do update
    set kind = excluded.kind, author_id = excluded.author_id, visibility = excluded.visibility,
        hidden = excluded.hidden, created_at = excluded.created_at, words = excluded.words;
  return null;
end
$$;

create trigger annotations_search_items
  after insert or delete or update of annotation, deleted, kind, author_id, visibility, hidden_reason, created_at on annotations
  for each row execute function lea_search_items_sync();

insert into search_items (group_id, id, kind, author_id, visibility, hidden, created_at, words)
  select group_id, id, kind, author_id, visibility, hidden_reason is not null, created_at, search_vector
  from annotations
  where annotation is not null and not deleted and kind in ('comment', 'other', 'reply', 'answer');

create index search_items_words on search_items using gin (words);

-- The generated column of migration 010 is no longer read: dropping it stops every write
-- computing the words twice and keeps them in one place.
drop index annotations_search;
alter table annotations drop column search_vector;
