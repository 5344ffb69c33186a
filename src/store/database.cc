#include "store/database.h"

#include <charconv>
#include <cmath>
#include <system_error>

#include "store/database_url.h"
#include "store/postgres_database.h"
#include "store/sqlite_database.h"

namespace txng {
namespace {

template <typename T>
T ParseNumber(const std::string& text) {
  T value{};
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// Shortest text that reads back as the same double.
std::string FormatDouble(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::string();
}

}  // namespace

SqlValue SqlNullable(const std::optional<int64_t>& v) { return v ? SqlValue(*v) : SqlValue(); }
SqlValue SqlNullable(const std::optional<double>& v) { return v ? SqlValue(*v) : SqlValue(); }
SqlValue SqlNullable(const std::optional<int32_t>& v) {
  return v ? SqlValue(int64_t{*v}) : SqlValue();
}

bool SqlRow::IsNull(size_t i) const {
  return std::holds_alternative<std::monostate>(values_.at(i));
}

int64_t SqlRow::Int(size_t i) const {
  const SqlValue& v = values_.at(i);
  if (const auto* n = std::get_if<int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<int64_t>(std::llround(*d));
  if (const auto* s = std::get_if<std::string>(&v)) return ParseNumber<int64_t>(*s);
  return 0;
}

double SqlRow::Double(size_t i) const {
  const SqlValue& v = values_.at(i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<int64_t>(&v)) return static_cast<double>(*n);
  if (const auto* s = std::get_if<std::string>(&v)) return ParseNumber<double>(*s);
  return 0.0;
}

std::string SqlRow::Text(size_t i) const {
  const SqlValue& v = values_.at(i);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) return FormatDouble(*d);
  return {};
}

std::optional<int64_t> SqlRow::OptInt(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

std::optional<double> SqlRow::OptDouble(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Double(i);
}

Result<std::unique_ptr<Database>> OpenDatabase(std::string_view url,
                                               const DatabaseOptions& options) {
  TXNG_ASSIGN_OR_RETURN(DatabaseUrl parsed, ParseDatabaseUrl(url));
  if (options.pool_size < 1) {
    return Status::InvalidArgument("database pool size must be at least 1", "pool_size");
  }
  switch (parsed.dialect) {
    case Dialect::kSqlite:
      return OpenSqliteDatabase(parsed.target, options);
    case Dialect::kPostgres:
      return OpenPostgresDatabase(parsed.target, options);
  }
  return Status::Internal("unknown database dialect");
}

}  // namespace txng
