#include "service/toml_reader.h"

#include <cmath>
#include <utility>

namespace txng {
namespace {

std::string_view TypeName(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time:
      return "a date or time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

std::string Indexed(std::string_view key, size_t i) {
  return std::string(key) + "[" + std::to_string(i) + "]";
}

// 11.3 rather than 11.300000.
std::string ShortNumber(double v) {
  std::string s = std::to_string(v);
  while (s.size() > 1 && s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

constexpr std::string_view kMissing = "missing (required key)";

}  // namespace

Result<toml::table> ParseToml(std::string_view text, std::string_view source) {
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    const toml::source_position pos = e.source().begin;
    return Status::InvalidArgument(std::string(source) + ":" + std::to_string(pos.line) + ":" +
                                   std::to_string(pos.column) + ": " +
                                   std::string(e.description()));
  }
}

std::string TomlTableReader::PathOf(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

Status TomlTableReader::Fail(const toml::node* at, std::string_view key,
                             std::string_view what) const {
  const toml::source_position pos = (at ? at->source() : table_.source()).begin;
  const std::string field = key.empty() ? path_ : PathOf(key);
  std::string message(source_);
  if (pos.line > 0) message += ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
  message += ": " + (field.empty() ? std::string("file") : field) + ": " + std::string(what);
  return Status::InvalidArgument(std::move(message), field);
}

Status TomlTableReader::Mistyped(const toml::node& at, std::string_view key,
                                 std::string_view expected) const {
  return Fail(&at, key,
              "expected " + std::string(expected) + ", found " + std::string(TypeName(at)));
}

const toml::node* TomlTableReader::Find(std::string_view key) {
  seen_.emplace(key);
  return table_.get(key);
}

Status TomlTableReader::Require(std::string_view key, const toml::node** out) {
  *out = Find(key);
  return *out == nullptr ? Fail(nullptr, key, kMissing) : Status::Ok();
}

Status TomlTableReader::String(std::string_view key, std::string* out, bool required) {
  const toml::node* n = Find(key);
  if (n == nullptr) return required ? Fail(nullptr, key, kMissing) : Status::Ok();
  return StringValue(*n, key, out);
}

Status TomlTableReader::Int(std::string_view key, int64_t* out, int64_t min, int64_t max,
                            bool required) {
  const toml::node* n = Find(key);
  if (n == nullptr) return required ? Fail(nullptr, key, kMissing) : Status::Ok();
  return IntValue(*n, key, out, min, max);
}

Status TomlTableReader::Number(std::string_view key, double* out, double min, double max) {
  const toml::node* n = nullptr;
  TXNG_RETURN_IF_ERROR(Require(key, &n));
  return NumberValue(*n, key, out, min, max);
}

Status TomlTableReader::Bool(std::string_view key, bool* out) {
  const toml::node* n = Find(key);
  if (n == nullptr) return Status::Ok();
  if (!n->is_boolean()) return Mistyped(*n, key, "true or false");
  *out = n->as_boolean()->get();
  return Status::Ok();
}

Status TomlTableReader::Strings(std::string_view key, std::vector<std::string>* out, bool required,
                                bool non_empty) {
  const toml::node* n = Find(key);
  if (n == nullptr) return required ? Fail(nullptr, key, kMissing) : Status::Ok();
  const toml::array* a = n->as_array();
  if (a == nullptr) return Mistyped(*n, key, "an array of strings");
  if (non_empty && a->empty()) return Fail(n, key, "must not be empty");
  out->clear();
  for (size_t i = 0; i < a->size(); ++i) {
    std::string s;
    TXNG_RETURN_IF_ERROR(StringValue(*a->get(i), Indexed(key, i), &s));
    out->push_back(std::move(s));
  }
  return Status::Ok();
}

Status TomlTableReader::NumberPair(std::string_view key, double* min, double* max, double lo,
                                   double hi) {
  const toml::node* n = nullptr;
  TXNG_RETURN_IF_ERROR(Require(key, &n));
  const toml::array* a = n->as_array();
  if (a == nullptr || a->size() != 2) return Mistyped(*n, key, "a pair [min, max]");
  TXNG_RETURN_IF_ERROR(NumberValue(*a->get(0), Indexed(key, 0), min, lo, hi));
  TXNG_RETURN_IF_ERROR(NumberValue(*a->get(1), Indexed(key, 1), max, lo, hi));
  if (*min > *max) return Fail(n, key, "the first number must not exceed the second");
  return Status::Ok();
}

Status TomlTableReader::IntRange(std::string_view key, int* min, int* max, int64_t lo, int64_t hi,
                                 bool allow_single) {
  const toml::node* n = nullptr;
  TXNG_RETURN_IF_ERROR(Require(key, &n));
  int64_t a = 0, b = 0;
  if (allow_single && n->is_integer()) {
    TXNG_RETURN_IF_ERROR(IntValue(*n, key, &a, lo, hi));
    b = a;
  } else {
    const toml::array* arr = n->as_array();
    if (arr == nullptr || arr->size() != 2) {
      return Mistyped(*n, key,
                      allow_single ? "an integer or a pair [min, max]" : "a pair [min, max]");
    }
    TXNG_RETURN_IF_ERROR(IntValue(*arr->get(0), Indexed(key, 0), &a, lo, hi));
    TXNG_RETURN_IF_ERROR(IntValue(*arr->get(1), Indexed(key, 1), &b, lo, hi));
    if (a > b) return Fail(n, key, "the first number must not exceed the second");
  }
  *min = static_cast<int>(a);
  *max = static_cast<int>(b);
  return Status::Ok();
}

Status TomlTableReader::Table(std::string_view key, std::optional<TomlTableReader>* out,
                              bool required) {
  const toml::node* n = Find(key);
  if (n == nullptr) return required ? Fail(nullptr, key, "missing (required table)") : Status::Ok();
  if (!n->is_table()) return Mistyped(*n, key, "a table");
  out->emplace(source_, *n->as_table(), PathOf(key));
  return Status::Ok();
}

Status TomlTableReader::Tables(std::string_view key, std::vector<TomlTableReader>* out,
                               bool required) {
  out->clear();
  const toml::node* n = Find(key);
  if (n == nullptr) {
    return required ? Fail(nullptr, key, "missing (required array of tables)") : Status::Ok();
  }
  const toml::array* a = n->as_array();
  if (a == nullptr) return Mistyped(*n, key, "an array of tables");
  if (required && a->empty()) return Fail(n, key, "must not be empty");
  for (size_t i = 0; i < a->size(); ++i) {
    const toml::node& e = *a->get(i);
    if (!e.is_table()) return Mistyped(e, Indexed(key, i), "a table");
    out->emplace_back(source_, *e.as_table(), PathOf(Indexed(key, i)));
  }
  return Status::Ok();
}

Status TomlTableReader::Finish() const {
  for (const auto& [key, node] : table_) {
    if (!seen_.contains(key.str())) {
      return Fail(&node, key.str(), "unknown key (misspelt, or not used at this place)");
    }
  }
  return Status::Ok();
}

Status TomlTableReader::StringValue(const toml::node& n, std::string_view key,
                                    std::string* out) const {
  if (!n.is_string()) return Mistyped(n, key, "a string");
  *out = n.as_string()->get();
  return Status::Ok();
}

Status TomlTableReader::IntValue(const toml::node& n, std::string_view key, int64_t* out,
                                 int64_t min, int64_t max) const {
  if (!n.is_integer()) return Mistyped(n, key, "an integer");
  const int64_t v = n.as_integer()->get();
  if (v < min || v > max) {
    return Fail(&n, key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  *out = v;
  return Status::Ok();
}

Status TomlTableReader::NumberValue(const toml::node& n, std::string_view key, double* out,
                                    double min, double max) const {
  double v = 0;
  if (n.is_integer()) {
    v = static_cast<double>(n.as_integer()->get());
  } else if (n.is_floating_point()) {
    v = n.as_floating_point()->get();
  } else {
    return Mistyped(n, key, "a number");
  }
  if (!std::isfinite(v) || v < min || v > max) {
    return Fail(&n, key, "must be between " + ShortNumber(min) + " and " + ShortNumber(max));
  }
  *out = v;
  return Status::Ok();
}

}  // namespace txng
