-- Background imports with several instances (vn.grassroots.common.jobs.JobHeartbeats): the instance that holds a
-- queued or running import beats its heartbeat; one whose heartbeat stopped belonged to an instance that is gone.
ALTER TABLE member_import ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now();
