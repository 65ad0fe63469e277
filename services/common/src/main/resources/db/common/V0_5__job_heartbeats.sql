-- Background exports with several instances (vn.grassroots.common.jobs.JobHeartbeats): the instance that holds a
-- queued or running export beats its heartbeat; one whose heartbeat stopped belonged to an instance that is gone.
ALTER TABLE export_job ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now();
