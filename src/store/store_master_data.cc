// EPCIS master data: stored with the events of the document that carries it
// (CaptureEvents), read back by element.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "store/events_internal.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace txng {

using store_internal::ForEachRowIn;
using store_internal::InTransaction;

namespace {

// The latest description of an element replaces the earlier one of the
// same organisation; the links are looked up afresh each time.
constexpr std::string_view kUpsertElement =
    "INSERT INTO epcis_vocabulary_elements (vocabulary_type, element_id, org_id, attributes, "
    "location_id, product_id, lot_id, updated_at) VALUES ($1, $2, $3, $4, "
    "(SELECT id FROM locations WHERE gln = $5 AND gln_extension = $6), "
    "(SELECT id FROM products WHERE gtin = $7), "
    "(SELECT l.id FROM lots l JOIN products p ON p.id = l.product_id "
    "WHERE p.gtin = $7 AND l.lot_code = $8), $9) "
    "ON CONFLICT (vocabulary_type, element_id, org_id) DO UPDATE SET "
    "attributes = excluded.attributes, location_id = excluded.location_id, "
    "product_id = excluded.product_id, lot_id = excluded.lot_id, "
    "updated_at = excluded.updated_at RETURNING id";
constexpr std::string_view kDeleteChildren =
    "DELETE FROM epcis_vocabulary_children WHERE element_row = $1";
constexpr std::string_view kDeleteAttributes =
    "DELETE FROM epcis_vocabulary_attributes WHERE element_row = $1";
constexpr std::string_view kInsertAttribute =
    "INSERT INTO epcis_vocabulary_attributes (element_row, attribute_id, value) "
    "VALUES ($1, $2, $3)";
constexpr std::string_view kInsertChild =
    "INSERT INTO epcis_vocabulary_children (element_row, child_id) VALUES ($1, $2) "
    "ON CONFLICT DO NOTHING";
constexpr std::string_view kSelectElements =
    "SELECT id, org_id, vocabulary_type, element_id, attributes, location_id, product_id, "
    "lot_id, updated_at FROM epcis_vocabulary_elements";
constexpr std::string_view kSelectChildren =
    "SELECT child_id FROM epcis_vocabulary_children WHERE element_row = $1 ORDER BY child_id";

std::string AttributesJson(const std::vector<epcis::MasterDataAttribute>& attributes) {
  nlohmann::json out = nlohmann::json::array();
  for (const epcis::MasterDataAttribute& a : attributes) {
    out.push_back({{"id", a.id}, {"attribute", nlohmann::json::parse(a.value, nullptr, false)}});
  }
  return out.dump();
}

// What EQATTR_ compares with: a string's text, else the value's JSON.
std::string ComparableValue(const std::string& json_text) {
  const nlohmann::json value = nlohmann::json::parse(json_text, nullptr, false);
  return value.is_string() ? value.get<std::string>() : json_text;
}

std::vector<epcis::MasterDataAttribute> AttributesFromJson(const std::string& text) {
  std::vector<epcis::MasterDataAttribute> out;
  const nlohmann::json list = nlohmann::json::parse(text, nullptr, false);
  if (!list.is_array()) return out;
  for (const nlohmann::json& a : list) {
    if (!a.is_object() || !a.contains("id")) continue;
    out.push_back({a["id"].get<std::string>(), a.value("attribute", nlohmann::json()).dump()});
  }
  return out;
}

StoredVocabularyElement ElementFromRow(const SqlRow& row) {
  StoredVocabularyElement e;
  e.id = row.Int(0);
  e.org_id = row.Int(1);
  e.element.type = row.Text(2);
  e.element.id = row.Text(3);
  e.element.attributes = AttributesFromJson(row.Text(4));
  e.location_id = row.OptInt(5);
  e.product_id = row.OptInt(6);
  e.lot_id = row.OptInt(7);
  e.updated_at = row.Int(8);
  return e;
}

}  // namespace

namespace store_internal {

Status UpsertMasterData(SqlConnection& c, const std::vector<epcis::VocabularyElement>& elements,
                        int64_t org_id, UnixMillis now) {
  for (const epcis::VocabularyElement& e : elements) {
    const epcis::Gs1Keys keys = epcis::Gs1KeysOf(e.id);
    TXNG_ASSIGN_OR_RETURN(
        SqlResult row,
        c.Run(kUpsertElement, {e.type, e.id, org_id, AttributesJson(e.attributes), keys.gln,
                               keys.gln_extension, keys.gtin, keys.lot, now}));
    const int64_t element_row = row.rows.at(0).Int(0);
    TXNG_RETURN_IF_ERROR(c.Run(kDeleteAttributes, {element_row}).status());
    for (const epcis::MasterDataAttribute& a : e.attributes) {
      TXNG_RETURN_IF_ERROR(
          c.Run(kInsertAttribute, {element_row, a.id, ComparableValue(a.value)}).status());
    }
    TXNG_RETURN_IF_ERROR(c.Run(kDeleteChildren, {element_row}).status());
    for (const std::string& child : e.children) {
      TXNG_RETURN_IF_ERROR(c.Run(kInsertChild, {element_row, child}).status());
    }
  }
  return Status::Ok();
}

}  // namespace store_internal

Result<std::vector<StoredVocabularyElement>> Store::ListMasterData(const MasterDataFilter& f,
                                                                   int limit) {
  return InTransaction<std::vector<StoredVocabularyElement>>(
      *db_, TxMode::kRead, [&](SqlConnection& c) -> Result<std::vector<StoredVocabularyElement>> {
        store_internal::WhereClause where;
        if (!f.vocabulary_type.empty()) where.Equals("vocabulary_type", f.vocabulary_type);
        if (!f.element_id.empty()) where.Equals("element_id", f.element_id);
        if (f.org_id) where.Equals("org_id", *f.org_id);
        const std::string sql = std::string(kSelectElements) + where.sql() + " ORDER BY id LIMIT " +
                                where.ExtraPlaceholder(1);
        TXNG_ASSIGN_OR_RETURN(SqlResult rows,
                              c.Run(sql, where.Params({int64_t{std::clamp(limit, 1, 1000)}})));
        std::vector<StoredVocabularyElement> out;
        out.reserve(rows.rows.size());
        for (const SqlRow& row : rows.rows) {
          out.push_back(ElementFromRow(row));
          TXNG_ASSIGN_OR_RETURN(SqlResult children, c.Run(kSelectChildren, {out.back().id}));
          for (const SqlRow& child : children.rows) {
            out.back().element.children.push_back(child.Text(0));
          }
        }
        return out;
      });
}

Result<std::vector<StoredVocabularyElement>> store_internal::MasterDataOfElements(
    SqlConnection& c, const std::vector<std::string>& element_ids) {
  std::vector<StoredVocabularyElement> out;
  TXNG_RETURN_IF_ERROR(ForEachRowIn(c, std::string(kSelectElements) + " WHERE element_id IN ",
                                    " ORDER BY id", {}, {element_ids.begin(), element_ids.end()},
                                    [&](const SqlRow& row) {
                                      out.push_back(ElementFromRow(row));
                                      return Status::Ok();
                                    }));
  std::sort(out.begin(), out.end(),
            [](const StoredVocabularyElement& a, const StoredVocabularyElement& b) {
              return a.id < b.id;
            });
  std::map<int64_t, StoredVocabularyElement*> by_row;
  std::vector<SqlValue> rows;
  for (StoredVocabularyElement& e : out) {
    by_row.emplace(e.id, &e);
    rows.emplace_back(e.id);
  }
  TXNG_RETURN_IF_ERROR(ForEachRowIn(
      c, "SELECT element_row, child_id FROM epcis_vocabulary_children WHERE element_row IN ",
      " ORDER BY element_row, child_id", {}, rows, [&](const SqlRow& row) {
        by_row.at(row.Int(0))->element.children.push_back(row.Text(1));
        return Status::Ok();
      }));
  return out;
}

}  // namespace txng
