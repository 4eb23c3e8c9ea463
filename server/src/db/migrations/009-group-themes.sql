-- The group's own theme vocabulary (PROTOCOL.md "Themes"). Comments store a theme's stable id
-- as the tagging body's value; a group with no rows here uses Making It Real
-- (utils/model/themes.ts DEFAULT_THEMES). The group's first change copies the defaults in, so
-- the defaults can be renamed and retired too. Nothing here names a member. Runs unchanged on
-- PGlite and PostgreSQL.
create table group_themes (
  group_id text not null references groups (id),
  id text not null,
  label text not null,
  position integer not null,
  retired_at timestamptz,
  created_at timestamptz not null,
  primary key (group_id, id)
);
-- No two themes of a group with the same name (ignoring case), retired ones included.
create unique index group_themes_label on group_themes (group_id, lower(label));
create index group_themes_order on group_themes (group_id, position, id);

-- Comments written before themes had ids carry the Making It Real English label: each such
-- tagging body gets the id instead (any case and spacing, as themeIdOf reads them). Other
-- tools' tags stay as they are. The revision and change sequence are left alone: extensions
-- already read a label as its id, so nobody needs to fetch these comments again.
with labels (label, id) as (
  values
    ('wellbeing and independence', 'wellbeing-and-independence'),
    ('information and advice', 'information-and-advice'),
    ('active and supportive communities', 'active-and-supportive-communities'),
    ('flexible and integrated care and support', 'flexible-and-integrated-care-and-support'),
    ('when things need to change', 'when-things-need-to-change'),
    ('workforce', 'workforce')
)
update annotations as a
set annotation = jsonb_set(
  a.annotation,
  '{body}',
  (
    select jsonb_agg(
      case when l.id is not null then jsonb_set(e.b, '{value}', to_jsonb(l.id)) else e.b end
      order by e.ord
    )
    from jsonb_array_elements(a.annotation -> 'body') with ordinality as e (b, ord)
    left join labels as l
      on jsonb_typeof(e.b) = 'object'
      and e.b ->> 'purpose' = 'tagging'
      and jsonb_typeof(e.b -> 'value') = 'string'
      and l.label = lower(regexp_replace(btrim(e.b ->> 'value'), '\s+', ' ', 'g'))
  )
)
where a.annotation is not null
  and jsonb_typeof(a.annotation -> 'body') = 'array'
  and exists (
    select 1
    from jsonb_array_elements(a.annotation -> 'body') as t (b)
    join labels as l
      on l.label = lower(regexp_replace(btrim(t.b ->> 'value'), '\s+', ' ', 'g'))
    where jsonb_typeof(t.b) = 'object'
      and t.b ->> 'purpose' = 'tagging'
      and jsonb_typeof(t.b -> 'value') = 'string'
      and t.b ->> 'value' <> l.id
  );
