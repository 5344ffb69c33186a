-- The consumer side of the portal (docs/PORTAL.md, "Consumer").
--
-- products.search_text: the product's names, brand and category code with
-- its producer's name and district, folded for search (common/text_fold.h:
-- no diacritics, lower case, đ written d). SQL cannot fold, so the store
-- writes it on every product and organisation change and fills the rows
-- this migration leaves NULL the next time it migrates (Store::Migrate).
ALTER TABLE products ADD COLUMN search_text TEXT;

-- Problems consumers report about a product (or one of its lots) from the
-- public pages; the authority's reviewers and officers close them with a
-- note. lot_code is the lot as the visitor saw it on the page.
CREATE TABLE feedback (
  id          INTEGER PRIMARY KEY,
  product_id  BIGINT  NOT NULL REFERENCES products (id),
  lot_code    TEXT    NOT NULL DEFAULT '',
  body        TEXT    NOT NULL,
  contact     TEXT    NOT NULL DEFAULT '',
  remote_addr TEXT    NOT NULL,
  created_at  BIGINT  NOT NULL,
  status      TEXT    NOT NULL CHECK (status IN ('open', 'closed')),
  closed_by   TEXT,
  closed_at   BIGINT,
  note        TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX feedback_status ON feedback (status, id);
CREATE INDEX feedback_product ON feedback (product_id);
