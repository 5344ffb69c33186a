-- Spreadsheet imports waiting for confirmation (handlers/diary_pages.cc):
-- the rows of an uploaded file, kept between its preview and the user's
-- confirmation so that the confirmation does not trust the browser to send
-- them back. `rows` is a JSON array of objects (column → text); a staging
-- row belongs to one user of one organisation and is deleted on
-- confirmation, or ignored (and purged) after expires_at.
CREATE TABLE import_staging (
  id         INTEGER PRIMARY KEY,
  token      TEXT    NOT NULL UNIQUE,
  org_id     BIGINT  NOT NULL REFERENCES organisations (id),
  user_id    BIGINT  NOT NULL REFERENCES users (id),
  file_name  TEXT    NOT NULL,
  rows       TEXT    NOT NULL,
  created_at BIGINT  NOT NULL,
  expires_at BIGINT  NOT NULL
);
CREATE INDEX import_staging_expires_at_idx ON import_staging (expires_at);
