-- Full-text search over what people wrote (PROTOCOL.md "Reading for the web app"): the text
-- of comments, replies and answers (their `commenting` bodies, or any other tool's text
-- body) and the passages comments quote (TextQuoteSelector `exact`), with English stemming
-- ("caring" finds "care", "carers" finds "carer"). Themes (tagging), answer statuses and
-- "me too" supports are not text anyone wrote, so they are not searched. Runs unchanged on
-- PGlite and PostgreSQL.
--
-- The words come from the annotation itself through IMMUTABLE functions, so the search
-- vector is a generated column: it is recomputed whenever the row is written, and "forget
-- me", which overwrites the annotation with null, empties it in the same UPDATE (VACUUM FULL
-- in reclaimDisk then rewrites the table and this index like the rest). It is stored rather
-- than only indexed because ranking needs each match's vector: computed again per match it
-- cost ~80 µs a row (1.4 s for 16,000 matches in 100,000 comments), read from the row ~1 µs.
-- It holds stemmed words and their positions, the same words the GIN index holds as keys.

-- The texts people wrote, as a jsonb array of strings: body items that are objects with a
-- string `value` and are not a theme (`tagging`) or an answer status / support (`assessing`).
-- A body given as an address (a string) is another resource, not text.
create function lea_search_body(annotation jsonb) returns jsonb
  language sql immutable parallel safe
  return jsonb_path_query_array(annotation,
    'lax $.body[*] ? (@.type() == "object" && !(@.purpose == "tagging" || @.purpose == "assessing")).value ? (@.type() == "string")');

-- The quoted passages, as a jsonb array of strings (every TextQuoteSelector of every target).
create function lea_search_quote(annotation jsonb) returns jsonb
  language sql immutable parallel safe
  return jsonb_path_query_array(annotation,
    'lax $.target[*].selector[*] ? (@.type == "TextQuoteSelector").exact ? (@.type() == "string")');

-- Text as it is searched: a hyphen between two letters dropped, so "well-being" (the Care
-- Act's spelling) and "wellbeing" (most people's) are one word. The store applies the same to
-- the search words (search.queries.ts). Works on text or on a jsonb array's text form (a
-- hyphen between letters is never part of JSON's syntax or escapes).
create function lea_search_joined(value text) returns text
  language sql immutable parallel safe
  return regexp_replace(value, '([[:alpha:]])-(?=[[:alpha:]])', '\1', 'g');

-- What is searched: the written text weighted A (ranked first), the quote weighted B.
create function lea_search_vector(annotation jsonb) returns tsvector
  language sql immutable parallel safe
  return setweight(to_tsvector('english'::regconfig, lea_search_joined(lea_search_body(annotation)::text)::jsonb), 'A')
      || setweight(to_tsvector('english'::regconfig, lea_search_joined(lea_search_quote(annotation)::text)::jsonb), 'B');

alter table annotations add column search_vector tsvector
  generated always as (case when annotation is null then null else lea_search_vector(annotation) end) stored;
create index annotations_search on annotations using gin (search_vector);

-- A document's comments (by the address they were written on, or a PDF's scope) and the
-- replies that name it (their thread's comment removed), for the web app's document page.
create index annotations_source on annotations (group_id, (annotation -> 'target' ->> 'source'))
  where kind in ('comment', 'other');
create index annotations_scope on annotations (group_id, (annotation -> 'target' ->> 'scope'))
  where kind in ('comment', 'other') and annotation -> 'target' ->> 'scope' is not null;
create index annotations_on_document on annotations (group_id, (annotation ->> 'onDocument'))
  where kind in ('reply', 'answer');
