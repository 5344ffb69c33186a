-- EPCIS capture jobs (POST /epcis/capture): one row per accepted document,
-- running until the worker has stored it. `errors` is a JSON array of
-- {"eventIndex", "detail", "pointer"} objects.
CREATE TABLE capture_jobs (
  id              INTEGER PRIMARY KEY,
  org_id          BIGINT  NOT NULL REFERENCES organisations (id),
  actor           TEXT    NOT NULL,
  error_behaviour TEXT    NOT NULL CHECK (error_behaviour IN ('rollback', 'proceed')),
  running         INTEGER NOT NULL DEFAULT 1 CHECK (running IN (0, 1)),
  success         INTEGER NOT NULL DEFAULT 1 CHECK (success IN (0, 1)),
  event_count     BIGINT  NOT NULL DEFAULT 0,
  stored          BIGINT  NOT NULL DEFAULT 0,
  duplicates      BIGINT  NOT NULL DEFAULT 0,
  errors          TEXT    NOT NULL DEFAULT '[]',
  created_at      BIGINT  NOT NULL,
  finished_at     BIGINT
);
CREATE INDEX capture_jobs_org_id_idx ON capture_jobs (org_id, id);
CREATE INDEX capture_jobs_running_idx ON capture_jobs (running);
