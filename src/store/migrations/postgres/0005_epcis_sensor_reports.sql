-- One row per sensorReport of a captured event (sensorElementList), with the
-- sensorMetadata of its element folded in, for the EPCIS 2.0 sensor query
-- parameters. A report's own time, deviceID, dataProcessingMethod and
-- bizRules stand in for its metadata's. Times are UTC milliseconds; absent
-- text is ''. Numeric attributes are kept as captured (in `uom`) and, when
-- TXNG converts that unit (src/store/sensor_units.cc), also in the SI unit
-- `si_unit` (the *_si columns), so a query in another unit compares them.
CREATE TABLE epcis_sensor_reports (
  event_row              BIGINT  NOT NULL REFERENCES epcis_events (id),
  element_index          INTEGER NOT NULL,
  report_index           INTEGER NOT NULL,
  sensor_time            BIGINT,
  start_time             BIGINT,
  end_time               BIGINT,
  type                   TEXT    NOT NULL DEFAULT '',
  device_id              TEXT    NOT NULL DEFAULT '',
  data_processing_method TEXT    NOT NULL DEFAULT '',
  biz_rules              TEXT    NOT NULL DEFAULT '',
  microorganism          TEXT    NOT NULL DEFAULT '',
  chemical_substance     TEXT    NOT NULL DEFAULT '',
  string_value           TEXT    NOT NULL DEFAULT '',
  -- Upper case, as hexBinary values compare.
  hex_binary_value       TEXT    NOT NULL DEFAULT '',
  uri_value              TEXT    NOT NULL DEFAULT '',
  boolean_value          INTEGER CHECK (boolean_value IN (0, 1)),
  uom                    TEXT    NOT NULL DEFAULT '',
  value                  DOUBLE PRECISION,
  min_value              DOUBLE PRECISION,
  max_value              DOUBLE PRECISION,
  mean_value             DOUBLE PRECISION,
  s_dev                  DOUBLE PRECISION,
  perc_rank              DOUBLE PRECISION,
  perc_value             DOUBLE PRECISION,
  si_unit                TEXT    NOT NULL DEFAULT '',
  value_si               DOUBLE PRECISION,
  min_value_si           DOUBLE PRECISION,
  max_value_si           DOUBLE PRECISION,
  mean_value_si          DOUBLE PRECISION,
  s_dev_si               DOUBLE PRECISION,
  perc_value_si          DOUBLE PRECISION,
  PRIMARY KEY (event_row, element_index, report_index)
);
CREATE INDEX epcis_sensor_reports_type_idx ON epcis_sensor_reports (type, event_row);
CREATE INDEX epcis_sensor_reports_device_id_idx ON epcis_sensor_reports (device_id, event_row)
  WHERE device_id <> '';
CREATE INDEX epcis_sensor_reports_time_idx ON epcis_sensor_reports (sensor_time, event_row)
  WHERE sensor_time IS NOT NULL;
