-- Schema 1: organisations, accounts, the product catalogue and the audit log.
-- Conventions (see store/database.h): timestamps are BIGINT milliseconds since
-- the Unix epoch (UTC), booleans INTEGER 0/1, absent text ''. Every index on
-- a list filter ends with id, so that "WHERE f = ? ORDER BY id LIMIT n" walks
-- the index instead of sorting.

CREATE TABLE organisations (
  id                 INTEGER PRIMARY KEY,
  name               TEXT    NOT NULL,
  tax_code           TEXT    NOT NULL DEFAULT '',
  kind               TEXT    NOT NULL
                     CHECK (kind IN ('enterprise', 'cooperative', 'household', 'authority')),
  sector             TEXT    NOT NULL DEFAULT '',
  district           TEXT    NOT NULL DEFAULT '',
  address            TEXT    NOT NULL DEFAULT '',
  phone              TEXT    NOT NULL DEFAULT '',
  email              TEXT    NOT NULL DEFAULT '',
  gs1_company_prefix TEXT    NOT NULL DEFAULT '',
  gln                TEXT    NOT NULL DEFAULT '',
  review_status      TEXT    NOT NULL DEFAULT 'draft'
                     CHECK (review_status IN ('draft', 'pending', 'approved', 'rejected')),
  created_at         BIGINT  NOT NULL,
  updated_at         BIGINT  NOT NULL
);
-- Many households have no tax code: only codes that are set must be unique.
CREATE UNIQUE INDEX organisations_tax_code_key ON organisations (tax_code) WHERE tax_code <> '';
CREATE INDEX organisations_kind_idx ON organisations (kind, id);
CREATE INDEX organisations_district_idx ON organisations (district, id);
CREATE INDEX organisations_review_status_idx ON organisations (review_status, id);

CREATE TABLE users (
  id             INTEGER PRIMARY KEY,
  username       TEXT    NOT NULL UNIQUE,
  display_name   TEXT    NOT NULL DEFAULT '',
  role           TEXT    NOT NULL CHECK (role IN ('admin', 'reviewer', 'officer', 'producer')),
  org_id         BIGINT  REFERENCES organisations (id),
  scope_sector   TEXT    NOT NULL DEFAULT '',
  scope_district TEXT    NOT NULL DEFAULT '',
  password_hash  TEXT    NOT NULL DEFAULT '',
  disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at     BIGINT  NOT NULL,
  updated_at     BIGINT  NOT NULL,
  CHECK (role <> 'producer' OR org_id IS NOT NULL)
);
CREATE INDEX users_org_id_idx ON users (org_id);

CREATE TABLE sessions (
  token_hash  TEXT   PRIMARY KEY,
  user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token  TEXT   NOT NULL,
  remote_addr TEXT   NOT NULL DEFAULT '',
  created_at  BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

CREATE TABLE api_keys (
  id           INTEGER PRIMARY KEY,
  key_id       TEXT    NOT NULL UNIQUE,
  secret_hash  TEXT    NOT NULL,
  org_id       BIGINT  NOT NULL REFERENCES organisations (id),
  label        TEXT    NOT NULL DEFAULT '',
  created_by   BIGINT  REFERENCES users (id),
  created_at   BIGINT  NOT NULL,
  revoked_at   BIGINT,
  last_used_at BIGINT
);
CREATE INDEX api_keys_org_id_idx ON api_keys (org_id, id);

CREATE TABLE products (
  id              INTEGER PRIMARY KEY,
  org_id          BIGINT  NOT NULL REFERENCES organisations (id),
  gtin            TEXT    NOT NULL UNIQUE,
  name_vi         TEXT    NOT NULL,
  name_en         TEXT    NOT NULL DEFAULT '',
  category        TEXT    NOT NULL DEFAULT '',
  brand           TEXT    NOT NULL DEFAULT '',
  description     TEXT    NOT NULL DEFAULT '',
  standards       TEXT    NOT NULL DEFAULT '',
  shelf_life_days INTEGER CHECK (shelf_life_days >= 0),
  ocop_stars      INTEGER NOT NULL DEFAULT 0 CHECK (ocop_stars IN (0, 3, 4, 5)),
  priority        TEXT    NOT NULL DEFAULT ''
                  CHECK (priority IN ('', 'key', 'distinctive', 'potential')),
  image_url       TEXT    NOT NULL DEFAULT '',
  review_status   TEXT    NOT NULL DEFAULT 'draft'
                  CHECK (review_status IN ('draft', 'pending', 'approved', 'rejected')),
  review_reason   TEXT    NOT NULL DEFAULT '',
  reviewed_by     BIGINT  REFERENCES users (id),
  reviewed_at     BIGINT,
  created_at      BIGINT  NOT NULL,
  updated_at      BIGINT  NOT NULL
);
CREATE INDEX products_org_id_idx ON products (org_id, id);
CREATE INDEX products_review_status_idx ON products (review_status, id);
CREATE INDEX products_category_idx ON products (category, id);

CREATE TABLE locations (
  id            INTEGER PRIMARY KEY,
  org_id        BIGINT  NOT NULL REFERENCES organisations (id),
  gln           TEXT    NOT NULL,
  gln_extension TEXT    NOT NULL DEFAULT '',
  name          TEXT    NOT NULL,
  kind          TEXT    NOT NULL CHECK (kind IN ('farm', 'growing_area', 'packing_house',
                                                 'factory', 'warehouse', 'shop')),
  address       TEXT    NOT NULL DEFAULT '',
  district      TEXT    NOT NULL DEFAULT '',
  area_code     TEXT    NOT NULL DEFAULT '',
  latitude      REAL    CHECK (latitude BETWEEN -90 AND 90),
  longitude     REAL    CHECK (longitude BETWEEN -180 AND 180),
  review_status TEXT    NOT NULL DEFAULT 'draft'
                CHECK (review_status IN ('draft', 'pending', 'approved', 'rejected')),
  review_reason TEXT    NOT NULL DEFAULT '',
  reviewed_by   BIGINT  REFERENCES users (id),
  reviewed_at   BIGINT,
  created_at    BIGINT  NOT NULL,
  updated_at    BIGINT  NOT NULL,
  UNIQUE (gln, gln_extension)
);
CREATE INDEX locations_org_id_idx ON locations (org_id, id);
CREATE INDEX locations_review_status_idx ON locations (review_status, id);
CREATE INDEX locations_kind_idx ON locations (kind, id);

CREATE TABLE lots (
  id              INTEGER PRIMARY KEY,
  org_id          BIGINT  NOT NULL REFERENCES organisations (id),
  product_id      BIGINT  NOT NULL REFERENCES products (id),
  lot_code        TEXT    NOT NULL,
  production_date TEXT    NOT NULL DEFAULT '',
  expiry_date     TEXT    NOT NULL DEFAULT '',
  quantity        REAL,
  unit            TEXT    NOT NULL DEFAULT '',
  location_id     BIGINT  REFERENCES locations (id),
  review_status   TEXT    NOT NULL DEFAULT 'draft'
                  CHECK (review_status IN ('draft', 'pending', 'approved', 'rejected')),
  review_reason   TEXT    NOT NULL DEFAULT '',
  reviewed_by     BIGINT  REFERENCES users (id),
  reviewed_at     BIGINT,
  created_at      BIGINT  NOT NULL,
  updated_at      BIGINT  NOT NULL,
  UNIQUE (product_id, lot_code)
);
CREATE INDEX lots_org_id_idx ON lots (org_id, id);
CREATE INDEX lots_product_id_idx ON lots (product_id, id);
CREATE INDEX lots_review_status_idx ON lots (review_status, id);
CREATE INDEX lots_location_id_idx ON lots (location_id);

-- Append-only. No foreign keys on purpose: the log must outlive and never
-- block what it describes.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          BIGINT  NOT NULL,
  user_id     BIGINT,
  api_key_id  BIGINT,
  actor       TEXT    NOT NULL,
  remote_addr TEXT    NOT NULL DEFAULT '',
  action      TEXT    NOT NULL,
  entity      TEXT    NOT NULL,
  entity_id   TEXT    NOT NULL DEFAULT '',
  detail      TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, id);
CREATE INDEX audit_log_user_id_idx ON audit_log (user_id, id);
