-- EPCIS named queries (POST /epcis/queries): an organisation's saved event
-- query, run by GET /epcis/queries/{name}/events. `query` is the JSON
-- object the client gave (parameter name to value), as given.
CREATE TABLE epcis_named_queries (
  id         INTEGER PRIMARY KEY,
  org_id     BIGINT  NOT NULL REFERENCES organisations (id),
  name       TEXT    NOT NULL,
  query      TEXT    NOT NULL,
  created_by TEXT    NOT NULL,
  created_at BIGINT  NOT NULL,
  UNIQUE (org_id, name)
);
