-- Product photos (store.h CreateImage): the JPEG thumbnails made from one
-- upload, kept in the database so that every app server can serve them
-- (GET /media/{id}/{size}.jpg) without shared disk. width and height are
-- the upload's; small_* (160 px wide) and large_* (640 px wide, or the
-- upload's width when narrower) are the thumbnails'. The JPEG bytes are
-- stored base64-encoded in TEXT, which both backends bind and read alike;
-- thumbnails are small, so the third more space does not matter. sha256 is
-- the hex digest of the uploaded file.
CREATE TABLE images (
  id           INTEGER PRIMARY KEY,
  org_id       BIGINT  NOT NULL REFERENCES organisations (id),
  sha256       TEXT    NOT NULL,
  width        INTEGER NOT NULL CHECK (width > 0),
  height       INTEGER NOT NULL CHECK (height > 0),
  small_width  INTEGER NOT NULL CHECK (small_width > 0),
  small_height INTEGER NOT NULL CHECK (small_height > 0),
  small_jpeg   TEXT    NOT NULL,
  large_width  INTEGER NOT NULL CHECK (large_width > 0),
  large_height INTEGER NOT NULL CHECK (large_height > 0),
  large_jpeg   TEXT    NOT NULL,
  created_at   BIGINT  NOT NULL
);
CREATE INDEX images_org ON images (org_id);
