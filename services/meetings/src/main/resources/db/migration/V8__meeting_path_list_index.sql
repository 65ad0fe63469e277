-- A district's meetings by start time: walking meeting_start_id in start order passed ~14,000 entries of other
-- subtrees per page at nation size (7,228 pages read); the subtree's own range of this index, sorted, reads ~460. Its
-- key stays (organization_path, meeting_date) for the compliance counts; only the list's keys ride along: with the
-- state too, the attendance per member of a district was planned as a hash join over all attendance (228 ms, not 27).
CREATE INDEX meeting_path_date_list ON meeting (organization_path, meeting_date) INCLUDE (starts_at, id);
DROP INDEX meeting_path_date;
ALTER INDEX meeting_path_date_list RENAME TO meeting_path_date;
