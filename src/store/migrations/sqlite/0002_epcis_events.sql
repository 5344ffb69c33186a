-- EPCIS events (GS1 EPCIS 2.0). One row per captured event: its queryable
-- fields in columns, the event itself in `document` (JSON-LD of the event in
-- TXNG's internal form: Digital Link identifiers, CBV Web URIs), kept for
-- lossless answers. Times are UTC milliseconds. Events are never updated in
-- place except for the marks a later error declaration and the review set.
CREATE TABLE epcis_events (
  id                     INTEGER PRIMARY KEY,
  -- eventID as captured, or the hash ID for events without one.
  event_id               TEXT    NOT NULL,
  hash_id                TEXT    NOT NULL,
  event_type             TEXT    NOT NULL CHECK (event_type IN ('ObjectEvent', 'AggregationEvent',
                                   'TransactionEvent', 'TransformationEvent', 'AssociationEvent')),
  action                 TEXT    NOT NULL DEFAULT '',
  event_time             BIGINT  NOT NULL,
  event_time_zone_offset TEXT    NOT NULL,
  record_time            BIGINT  NOT NULL,
  biz_step               TEXT    NOT NULL DEFAULT '',
  disposition            TEXT    NOT NULL DEFAULT '',
  read_point             TEXT    NOT NULL DEFAULT '',
  biz_location           TEXT    NOT NULL DEFAULT '',
  transformation_id      TEXT    NOT NULL DEFAULT '',
  -- 1 when this event carries an errorDeclaration: it declares the event
  -- with the same event_id erroneous, and is kept beside it.
  declares_error         INTEGER NOT NULL DEFAULT 0 CHECK (declares_error IN (0, 1)),
  -- Set on an event once an error declaration for it is captured.
  declared_in_error_at   BIGINT,
  org_id                 BIGINT  NOT NULL REFERENCES organisations (id),
  review_status          TEXT    NOT NULL DEFAULT 'pending'
                         CHECK (review_status IN ('draft', 'pending', 'approved', 'rejected')),
  review_reason          TEXT    NOT NULL DEFAULT '',
  reviewed_by            BIGINT  REFERENCES users (id),
  reviewed_at            BIGINT,
  document               TEXT    NOT NULL,
  UNIQUE (event_id, declares_error)
);
CREATE INDEX epcis_events_event_time_idx ON epcis_events (event_time, id);
CREATE INDEX epcis_events_record_time_idx ON epcis_events (record_time, id);
CREATE INDEX epcis_events_biz_step_idx ON epcis_events (biz_step, event_time);
CREATE INDEX epcis_events_disposition_idx ON epcis_events (disposition, event_time);
CREATE INDEX epcis_events_read_point_idx ON epcis_events (read_point);
CREATE INDEX epcis_events_biz_location_idx ON epcis_events (biz_location);
CREATE INDEX epcis_events_transformation_id_idx ON epcis_events (transformation_id)
  WHERE transformation_id <> '';
CREATE INDEX epcis_events_org_id_idx ON epcis_events (org_id, id);
CREATE INDEX epcis_events_review_status_idx ON epcis_events (review_status, id);

-- The instance identifiers an event names, by role: 'epc' (epcList),
-- 'parent' (parentID), 'child' (childEPCs), 'input', 'output'.
CREATE TABLE epcis_event_epcs (
  event_row BIGINT NOT NULL REFERENCES epcis_events (id),
  role      TEXT   NOT NULL CHECK (role IN ('epc', 'parent', 'child', 'input', 'output')),
  epc       TEXT   NOT NULL
);
CREATE INDEX epcis_event_epcs_epc_idx ON epcis_event_epcs (epc, event_row);
CREATE INDEX epcis_event_epcs_event_row_idx ON epcis_event_epcs (event_row);

-- The quantity elements of an event, by role: 'quantity' (quantityList),
-- 'child', 'input', 'output'.
CREATE TABLE epcis_event_quantities (
  event_row BIGINT NOT NULL REFERENCES epcis_events (id),
  role      TEXT   NOT NULL CHECK (role IN ('quantity', 'child', 'input', 'output')),
  epc_class TEXT   NOT NULL,
  quantity  REAL,
  uom       TEXT   NOT NULL DEFAULT ''
);
CREATE INDEX epcis_event_quantities_class_idx ON epcis_event_quantities (epc_class, event_row);
CREATE INDEX epcis_event_quantities_event_row_idx ON epcis_event_quantities (event_row);

-- bizTransactionList, sourceList and destinationList entries.
CREATE TABLE epcis_event_links (
  event_row BIGINT NOT NULL REFERENCES epcis_events (id),
  kind      TEXT   NOT NULL CHECK (kind IN ('bizTransaction', 'source', 'destination')),
  type      TEXT   NOT NULL DEFAULT '',
  value     TEXT   NOT NULL
);
CREATE INDEX epcis_event_links_value_idx ON epcis_event_links (kind, value, event_row);
CREATE INDEX epcis_event_links_event_row_idx ON epcis_event_links (event_row);
