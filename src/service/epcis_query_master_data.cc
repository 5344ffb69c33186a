#include "service/epcis_query_master_data.h"

#include <string_view>

#include "service/epcis_query_internal.h"

namespace txng {
namespace {

using epcis_query_internal::BadValue;
using epcis_query_internal::Identifiers;
using epcis_query_internal::Values;

// The field named at the start of `rest` ("readPoint", "bizLocation_…").
Result<AttributeMatch::Field> FieldOf(const std::string& name, std::string_view field) {
  if (field == "readPoint") return AttributeMatch::Field::kReadPoint;
  if (field == "bizLocation") return AttributeMatch::Field::kBizLocation;
  if (field.empty()) return BadValue(name, "names no field");
  return Status::Unimplemented("query parameter " + name +
                               ": master data attributes are answered for readPoint and "
                               "bizLocation, not \"" +
                               std::string(field) + "\"");
}

// An attribute name as stored: the CBV master data CURIE expanded.
std::string AttributeName(std::string_view text) {
  constexpr std::string_view kCbvMda = "cbvmda:";
  if (text.starts_with(kCbvMda)) {
    return "urn:epcglobal:cbv:mda:" + std::string(text.substr(kCbvMda.size()));
  }
  return std::string(text);
}

}  // namespace

Result<bool> ReadMasterDataParameter(const std::string& name, const std::string& value,
                                     MasterDataQuery& q) {
  if (name == "WD_readPoint") {
    TXNG_ASSIGN_OR_RETURN(q.wd_read_points, Identifiers(name, value));
    return true;
  }
  if (name == "WD_bizLocation") {
    TXNG_ASSIGN_OR_RETURN(q.wd_biz_locations, Identifiers(name, value));
    return true;
  }
  constexpr std::string_view kHas = "HASATTR_";
  if (name.starts_with(kHas)) {
    AttributeMatch m;
    TXNG_ASSIGN_OR_RETURN(m.field, FieldOf(name, std::string_view(name).substr(kHas.size())));
    TXNG_ASSIGN_OR_RETURN(std::vector<std::string> names, Values(name, value));
    for (const std::string& n : names) m.values.push_back(AttributeName(n));
    q.attributes.push_back(std::move(m));
    return true;
  }
  for (std::string_view prefix : {std::string_view("EQATTR_"), std::string_view("EQ_ATTR_")}) {
    if (!name.starts_with(prefix)) continue;
    const std::string_view rest = std::string_view(name).substr(prefix.size());
    const std::size_t bar = rest.find('_');
    if (bar == std::string_view::npos || bar + 1 == rest.size()) {
      return BadValue(name, "must name a field and an attribute, as EQATTR_readPoint_ATTRIBUTE");
    }
    AttributeMatch m;
    TXNG_ASSIGN_OR_RETURN(m.field, FieldOf(name, rest.substr(0, bar)));
    m.attribute = AttributeName(rest.substr(bar + 1));
    TXNG_ASSIGN_OR_RETURN(m.values, Values(name, value));
    q.attributes.push_back(std::move(m));
    return true;
  }
  return false;
}

}  // namespace txng
