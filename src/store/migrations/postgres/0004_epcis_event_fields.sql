-- Event members that queries compare by name, filled at capture:
-- - scope 'standard': persistentDisposition and errorDeclaration members,
--   named 'persistentDisposition.set', 'persistentDisposition.unset',
--   'errorDeclaration.declarationTime', 'errorDeclaration.reason' and
--   'errorDeclaration.correctiveEventID';
-- - scope 'extension' (members of the event), 'ilmd' (of its ilmd) and
--   'errorExtension' (of its errorDeclaration): extension fields by full
--   name (namespace IRI then local name, '#' between them when the IRI
--   ends in none of '/', '#', ':'; ILMD members without a namespace by
--   their plain name). nested = 1 for a member inside an extension
--   field's value, at any depth (the INNER_ query parameters).
-- One row per value (an array gives one per element). text_value is the
-- value as text (NULL for an object); num_value is set when that text is a
-- number, time_value (UTC milliseconds) when it is a date-time with a zone.
-- Events captured before this migration have no rows here.
CREATE TABLE epcis_event_fields (
  event_row  BIGINT  NOT NULL REFERENCES epcis_events (id),
  scope      TEXT    NOT NULL
             CHECK (scope IN ('standard', 'extension', 'ilmd', 'errorExtension')),
  nested     INTEGER NOT NULL DEFAULT 0 CHECK (nested IN (0, 1)),
  name       TEXT    NOT NULL,
  text_value TEXT,
  num_value  DOUBLE PRECISION,
  time_value BIGINT
);
CREATE INDEX epcis_event_fields_text_idx
  ON epcis_event_fields (scope, name, nested, text_value, event_row);
CREATE INDEX epcis_event_fields_num_idx
  ON epcis_event_fields (scope, name, nested, num_value) WHERE num_value IS NOT NULL;
CREATE INDEX epcis_event_fields_time_idx
  ON epcis_event_fields (scope, name, nested, time_value) WHERE time_value IS NOT NULL;
CREATE INDEX epcis_event_fields_event_row_idx ON epcis_event_fields (event_row);
