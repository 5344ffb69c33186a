#include "store/audit_detail.h"

#include <nlohmann/json.hpp>

namespace txng {

AuditDetail& AuditDetail::Text(std::string_view key, std::string_view value) {
  fields_.emplace_back(std::string(key), std::string(value));
  return *this;
}

AuditDetail& AuditDetail::Int(std::string_view key, int64_t value) {
  fields_.emplace_back(std::string(key), value);
  return *this;
}

AuditDetail& AuditDetail::Bool(std::string_view key, bool value) {
  fields_.emplace_back(std::string(key), value);
  return *this;
}

AuditDetail& AuditDetail::List(std::string_view key, std::vector<std::string> values) {
  fields_.emplace_back(std::string(key), std::move(values));
  return *this;
}

std::string AuditDetail::ToJson() const {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const auto& [key, value] : fields_) {
    std::visit([&](const auto& v) { object[key] = v; }, value);
  }
  // Replace rather than throw on invalid UTF-8: the audit row must be written.
  return object.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace txng
