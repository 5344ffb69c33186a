// The small JSON object stored in audit_log.detail, built field by field.
// Kept apart so that only one translation unit of the store parses the JSON
// library's headers.
#ifndef TXNG_STORE_AUDIT_DETAIL_H_
#define TXNG_STORE_AUDIT_DETAIL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace txng {

class AuditDetail {
 public:
  AuditDetail& Text(std::string_view key, std::string_view value);
  AuditDetail& Int(std::string_view key, int64_t value);
  AuditDetail& Bool(std::string_view key, bool value);
  AuditDetail& List(std::string_view key, std::vector<std::string> values);

  // The fields in the order they were added, e.g. {"gtin":"08930001000018","changed":["brand"]}.
  std::string ToJson() const;

 private:
  using Value = std::variant<std::string, int64_t, bool, std::vector<std::string>>;
  std::vector<std::pair<std::string, Value>> fields_;
};

}  // namespace txng

#endif  // TXNG_STORE_AUDIT_DETAIL_H_
