-- A group's own themes take a Welsh name (PROTOCOL.md "Themes": `labelCy`). Null: the group
-- gave none, so Welsh readers see the catalogue's name for a default theme it has not renamed,
-- else the English label. Checked like `label` by the route (trimmed, 1–60 characters, one line).
-- Runs unchanged on PGlite and PostgreSQL.
alter table group_themes add column label_cy text;
-- No two themes of a group with the same Welsh name (ignoring case), retired ones included.
create unique index group_themes_label_cy on group_themes (group_id, lower(label_cy)) where label_cy is not null;
