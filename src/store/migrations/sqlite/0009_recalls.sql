-- Recalls (service/recall.h): a lot (or any traced identifier) withdrawn
-- from the market, the impact set computed from its forward trace, and the
-- history of every change.
--
-- recalls.root_id is the recalled identifier in the epcis layer's internal
-- form; org_id the organisation the identifier belongs to. severity is the
-- FDA recall class: 'I' (a reasonable probability of serious harm or
-- death), 'II' (temporary or reversible harm), 'III' (harm unlikely).
-- affected_from and affected_to (YYYY-MM-DD, each optional) are calendar
-- days in the province's time (UTC+7) bounding the root's events that
-- carry the recall downstream (docs/API.md, "Recalls").
CREATE TABLE recalls (
  id              INTEGER PRIMARY KEY,
  org_id          BIGINT  NOT NULL REFERENCES organisations (id),
  root_id         TEXT    NOT NULL,
  reason          TEXT    NOT NULL,
  severity        TEXT    NOT NULL CHECK (severity IN ('I', 'II', 'III')),
  affected_from   TEXT,
  affected_to     TEXT,
  status          TEXT    NOT NULL CHECK (status IN ('open', 'closed')),
  opened_by       TEXT    NOT NULL,
  opened_by_user  BIGINT  REFERENCES users (id),
  opened_at       BIGINT  NOT NULL,
  updated_at      BIGINT  NOT NULL,
  closed_by       TEXT,
  closed_at       BIGINT,
  closing_note    TEXT    NOT NULL DEFAULT '',
  item_count      BIGINT  NOT NULL,
  items_truncated INTEGER NOT NULL CHECK (items_truncated IN (0, 1))
);
CREATE INDEX recalls_org ON recalls (org_id, id);

-- The impact set of a recall, replaced whenever it is recomputed, in the
-- order the trace found the items (position). holder and location are the
-- party and place the item was last sent to or seen at; their names from
-- master data when known.
CREATE TABLE recall_items (
  recall_id     BIGINT  NOT NULL REFERENCES recalls (id),
  position      INTEGER NOT NULL,
  identifier    TEXT    NOT NULL,
  kind          TEXT    NOT NULL,
  reach         TEXT    NOT NULL CHECK (reach IN ('root', 'downstream', 'carrier')),
  depth         INTEGER NOT NULL,
  name          TEXT    NOT NULL,
  quantity      REAL,
  uom           TEXT    NOT NULL,
  holder        TEXT    NOT NULL,
  holder_name   TEXT    NOT NULL,
  location      TEXT    NOT NULL,
  location_name TEXT    NOT NULL,
  PRIMARY KEY (recall_id, position)
);
-- GET /api/v1/recall-status and the product page: open recalls covering an identifier.
CREATE INDEX recall_items_identifier ON recall_items (identifier);

-- Every open, update and close of a recall: who, when, which fields
-- changed ('changed', comma-separated) and the recall's fields after it.
CREATE TABLE recall_updates (
  id              INTEGER PRIMARY KEY,
  recall_id       BIGINT  NOT NULL REFERENCES recalls (id),
  at              BIGINT  NOT NULL,
  actor           TEXT    NOT NULL,
  user_id         BIGINT  REFERENCES users (id),
  action          TEXT    NOT NULL CHECK (action IN ('open', 'update', 'close')),
  changed         TEXT    NOT NULL,
  reason          TEXT    NOT NULL,
  severity        TEXT    NOT NULL,
  affected_from   TEXT,
  affected_to     TEXT,
  item_count      BIGINT  NOT NULL,
  items_truncated INTEGER NOT NULL CHECK (items_truncated IN (0, 1)),
  note            TEXT    NOT NULL
);
CREATE INDEX recall_updates_recall ON recall_updates (recall_id, id);
