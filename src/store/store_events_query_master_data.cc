// WD_, HASATTR_ and EQATTR_ conditions for event queries, answered from the
// master data captured with EPCIS documents (store_master_data.cc).
#include <string>
#include <string_view>
#include <vector>

#include "epcis/master_data.h"
#include "store/events_master_data_internal.h"

namespace txng::store_internal {
namespace {

// The vocabulary types whose children make the location hierarchy.
const std::string kLocationTypes = "('" + std::string(epcis::vtype::kBusinessLocation) + "', '" +
                                   std::string(epcis::vtype::kReadPoint) + "')";

std::string_view Column(AttributeMatch::Field field) {
  return field == AttributeMatch::Field::kReadPoint ? "e.read_point" : "e.biz_location";
}

std::string_view VocabularyType(AttributeMatch::Field field) {
  return field == AttributeMatch::Field::kReadPoint ? epcis::vtype::kReadPoint
                                                    : epcis::vtype::kBusinessLocation;
}

std::string List(const std::vector<std::string>& values, const SqlParamAdder& param) {
  std::string sql = "(";
  for (std::size_t i = 0; i < values.size(); ++i) sql += (i ? ", " : "") + param(values[i]);
  return sql + ")";
}

// `column` is one of `ids` or below one of them. UNION (not UNION ALL)
// makes a cycle in the children end the recursion.
std::string WithDescendants(std::string_view column, const std::vector<std::string>& ids,
                            const SqlParamAdder& param) {
  const std::string list = List(ids, param);
  return "(" + std::string(column) + " IN " + list + " OR " + std::string(column) +
         " IN (WITH RECURSIVE wd(id) AS (SELECT element_id FROM epcis_vocabulary_elements "
         "WHERE vocabulary_type IN " +
         kLocationTypes + " AND element_id IN " + list +
         " UNION SELECT c.child_id FROM wd JOIN epcis_vocabulary_elements v "
         "ON v.element_id = wd.id AND v.vocabulary_type IN " +
         kLocationTypes +
         " JOIN epcis_vocabulary_children c ON c.element_row = v.id) SELECT id FROM wd))";
}

std::string Attribute(const AttributeMatch& m, const SqlParamAdder& param) {
  std::string sql =
      "EXISTS (SELECT 1 FROM epcis_vocabulary_elements v JOIN epcis_vocabulary_attributes a "
      "ON a.element_row = v.id WHERE v.element_id = " +
      std::string(Column(m.field)) +
      " AND v.vocabulary_type = " + param(std::string(VocabularyType(m.field)));
  if (m.attribute.empty()) return sql + " AND a.attribute_id IN " + List(m.values, param) + ")";
  return sql + " AND a.attribute_id = " + param(m.attribute) + " AND a.value IN " +
         List(m.values, param) + ")";
}

}  // namespace

std::string MasterDataCondition(const MasterDataQuery& q, const SqlParamAdder& param) {
  std::vector<std::string> conditions;
  if (!q.wd_read_points.empty()) {
    conditions.push_back(WithDescendants("e.read_point", q.wd_read_points, param));
  }
  if (!q.wd_biz_locations.empty()) {
    conditions.push_back(WithDescendants("e.biz_location", q.wd_biz_locations, param));
  }
  for (const AttributeMatch& m : q.attributes) conditions.push_back(Attribute(m, param));
  std::string sql;
  for (std::size_t i = 0; i < conditions.size(); ++i) sql += (i ? " AND " : "") + conditions[i];
  return sql;
}

}  // namespace txng::store_internal
