-- Who recorded a meeting's attendance and when, and whether that was after the day of the meeting (nhập bổ sung: a
-- secretary catching up a paper register). Meetings held before this migration keep nulls and false.
ALTER TABLE meeting ADD COLUMN attendance_recorded_by varchar(200);
ALTER TABLE meeting ADD COLUMN attendance_recorded_at timestamptz;
ALTER TABLE meeting ADD COLUMN entered_late boolean NOT NULL DEFAULT false;
