-- Meetings of a large subtree by start time (the list's keyset order): walked in order, the subtree and the filters are
-- checked in the index, only the page's rows are read. A small subtree still uses meeting_path_date and sorts.
CREATE INDEX IF NOT EXISTS meeting_start_id ON meeting (starts_at, id) INCLUDE (organization_path, meeting_date, kind, state);
