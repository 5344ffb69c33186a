// Reading JSON request bodies strictly: malformed JSON names the line and
// column, a wrong type or an unknown field names the field, so that a client
// learns exactly what to fix.
#ifndef TXNG_HANDLERS_JSON_BODY_H_
#define TXNG_HANDLERS_JSON_BODY_H_

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace txng::handlers {

// Parses `body` as one JSON object.
Result<nlohmann::json> ParseJsonObject(std::string_view body);

// Typed, optional reads of the members of one JSON object. The first error
// is kept; later reads are no-ops; status() reports it.
class JsonFields {
 public:
  // Fails (status()) when the object has a member not in `allowed`.
  JsonFields(const nlohmann::json& object, std::initializer_list<std::string_view> allowed);

  void Text(const char* name, std::optional<std::string>& out);
  void Int(const char* name, std::optional<int64_t>& out);
  void Int32(const char* name, std::optional<int32_t>& out);
  // JSON null → inner nullopt (clear the value).
  void NullableInt32(const char* name, std::optional<std::optional<int32_t>>& out);
  void NullableInt(const char* name, std::optional<std::optional<int64_t>>& out);
  void NullableNumber(const char* name, std::optional<std::optional<double>>& out);

  const Status& status() const { return status_; }

 private:
  const nlohmann::json* Member(const char* name);
  void Fail(const char* name, std::string_view expected);

  const nlohmann::json& object_;
  Status status_;
};

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_JSON_BODY_H_
