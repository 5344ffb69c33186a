-- EPCIS master data (vocabulary elements from documents' epcisHeader), per
-- organisation: the latest capture of an element replaces its attributes
-- and children. Identifiers are in the events' internal form (Digital Link
-- for GS1 keys). An element is linked to TXNG's own location (by GLN and
-- extension), product (by GTIN) and lot (by GTIN and lot) when they exist
-- at capture.
CREATE TABLE epcis_vocabulary_elements (
  id                INTEGER PRIMARY KEY,
  vocabulary_type   TEXT    NOT NULL,
  element_id        TEXT    NOT NULL,
  org_id            BIGINT  NOT NULL REFERENCES organisations (id),
  -- JSON array of {"id": attribute URI, "attribute": value}, in document order.
  attributes        TEXT    NOT NULL DEFAULT '[]',
  location_id       BIGINT  REFERENCES locations (id),
  product_id        BIGINT  REFERENCES products (id),
  lot_id            BIGINT  REFERENCES lots (id),
  updated_at        BIGINT  NOT NULL,
  UNIQUE (vocabulary_type, element_id, org_id)
);
CREATE INDEX epcis_vocabulary_elements_element_id_idx ON epcis_vocabulary_elements (element_id);
CREATE INDEX epcis_vocabulary_elements_org_id_idx ON epcis_vocabulary_elements (org_id, id);

-- The children of an element (e.g. the read points inside a business
-- location): what WD_readPoint and WD_bizLocation descend through.
CREATE TABLE epcis_vocabulary_children (
  element_row BIGINT NOT NULL REFERENCES epcis_vocabulary_elements (id) ON DELETE CASCADE,
  child_id    TEXT   NOT NULL,
  PRIMARY KEY (element_row, child_id)
);
CREATE INDEX epcis_vocabulary_children_child_id_idx ON epcis_vocabulary_children (child_id);
