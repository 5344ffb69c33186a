#include "handlers/json_body.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace txng::handlers {

using nlohmann::json;

Result<json> ParseJsonObject(std::string_view body) {
  if (body.empty()) return Status::InvalidArgument("the request body is empty: send a JSON object");
  json doc;
  try {
    doc = json::parse(body);
  } catch (const json::parse_error& e) {
    // nlohmann's message reads "[json.exception.parse_error.101] parse error at line 1,
    // column 9: ..."; keep the part after the bracketed id.
    std::string msg = e.what();
    if (auto pos = msg.find("] "); pos != std::string::npos) msg = msg.substr(pos + 2);
    return Status::InvalidArgument("malformed JSON: " + msg + " (byte " + std::to_string(e.byte) +
                                   ")");
  }
  if (!doc.is_object()) {
    return Status::InvalidArgument("the request body must be a JSON object, not " +
                                   std::string(doc.type_name()));
  }
  return doc;
}

JsonFields::JsonFields(const json& object, std::initializer_list<std::string_view> allowed)
    : object_(object) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string list;
      for (std::string_view a : allowed) {
        if (!list.empty()) list += ", ";
        list += a;
      }
      status_ =
          Status::InvalidArgument("unknown field '" + key + "'; the fields are: " + list, key);
      return;
    }
  }
}

const json* JsonFields::Member(const char* name) {
  if (!status_.ok()) return nullptr;
  auto it = object_.find(name);
  return it == object_.end() ? nullptr : &*it;
}

void JsonFields::Fail(const char* name, std::string_view expected) {
  status_ = Status::InvalidArgument(std::string(name) + " must be " + std::string(expected) +
                                        ", not " + std::string(object_.at(name).type_name()),
                                    name);
}

void JsonFields::Text(const char* name, std::optional<std::string>& out) {
  const json* v = Member(name);
  if (!v) return;
  if (!v->is_string()) return Fail(name, "a string");
  out = v->get<std::string>();
}

void JsonFields::Int(const char* name, std::optional<int64_t>& out) {
  const json* v = Member(name);
  if (!v) return;
  if (!v->is_number_integer()) return Fail(name, "an integer");
  out = v->get<int64_t>();
}

void JsonFields::Int32(const char* name, std::optional<int32_t>& out) {
  std::optional<int64_t> wide;
  Int(name, wide);
  if (!wide) return;
  if (*wide < std::numeric_limits<int32_t>::min() || *wide > std::numeric_limits<int32_t>::max()) {
    status_ = Status::InvalidArgument(std::string(name) + " is out of range", name);
    return;
  }
  out = static_cast<int32_t>(*wide);
}

void JsonFields::NullableInt32(const char* name, std::optional<std::optional<int32_t>>& out) {
  const json* v = Member(name);
  if (!v) return;
  if (v->is_null()) {
    out = std::optional<int32_t>();
    return;
  }
  std::optional<int32_t> x;
  Int32(name, x);
  if (x) out = x;
}

void JsonFields::NullableInt(const char* name, std::optional<std::optional<int64_t>>& out) {
  const json* v = Member(name);
  if (!v) return;
  if (v->is_null()) {
    out = std::optional<int64_t>();
    return;
  }
  std::optional<int64_t> x;
  Int(name, x);
  if (x) out = x;
}

void JsonFields::NullableNumber(const char* name, std::optional<std::optional<double>>& out) {
  const json* v = Member(name);
  if (!v) return;
  if (v->is_null()) {
    out = std::optional<double>();
    return;
  }
  if (!v->is_number()) return Fail(name, "a number");
  const double d = v->get<double>();
  if (!std::isfinite(d)) return Fail(name, "a finite number");
  out = d;
}

}  // namespace txng::handlers
