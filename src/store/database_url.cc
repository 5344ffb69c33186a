#include "store/database_url.h"

#include <vector>

namespace txng {
namespace {

constexpr std::string_view kSqlitePrefix = "sqlite:";
constexpr std::string_view kPostgresSchemes[] = {"postgresql://", "postgres://"};

// The parts of "scheme://[userinfo@]hosts[/path][?query]"; each view points
// into the URL and the authority excludes the scheme.
struct UrlParts {
  std::string_view scheme;  // including "://"
  std::string_view authority;
  std::string_view path;   // including the leading '/', or empty
  std::string_view query;  // including the leading '?', or empty
};

UrlParts SplitUrl(std::string_view url) {
  UrlParts parts;
  size_t scheme_end = url.find("://");
  scheme_end = scheme_end == std::string_view::npos ? 0 : scheme_end + 3;
  parts.scheme = url.substr(0, scheme_end);
  std::string_view rest = url.substr(scheme_end);
  size_t query_start = rest.find('?');
  if (query_start != std::string_view::npos) {
    parts.query = rest.substr(query_start);
    rest = rest.substr(0, query_start);
  }
  size_t path_start = rest.find('/');
  if (path_start != std::string_view::npos) {
    parts.path = rest.substr(path_start);
    rest = rest.substr(0, path_start);
  }
  parts.authority = rest;
  return parts;
}

std::string RedactAuthority(std::string_view authority) {
  size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return std::string(authority);
  std::string_view userinfo = authority.substr(0, at);
  return std::string(userinfo.substr(0, userinfo.find(':'))) + std::string(authority.substr(at));
}

std::string RedactQuery(std::string_view query) {
  if (query.empty()) return {};
  std::vector<std::string_view> kept;
  std::string_view rest = query.substr(1);
  while (!rest.empty()) {
    size_t amp = rest.find('&');
    std::string_view param = rest.substr(0, amp);
    if (!param.starts_with("password=")) kept.push_back(param);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
  }
  std::string out;
  for (std::string_view param : kept) {
    out += out.empty() ? '?' : '&';
    out += param;
  }
  return out;
}

}  // namespace

Result<DatabaseUrl> ParseDatabaseUrl(std::string_view url) {
  if (url.starts_with(kSqlitePrefix)) {
    std::string path(url.substr(kSqlitePrefix.size()));
    if (path.empty()) {
      return Status::InvalidArgument("database URL 'sqlite:' names no file: use sqlite:PATH");
    }
    if (path == ":memory:") {
      return Status::InvalidArgument(
          "database URL '" + std::string(url) +
          "' is not supported: use sqlite:PATH with a file path (every pooled connection must "
          "open the same file)");
    }
    return DatabaseUrl{Dialect::kSqlite, std::move(path)};
  }
  for (std::string_view scheme : kPostgresSchemes) {
    if (url.starts_with(scheme)) return DatabaseUrl{Dialect::kPostgres, std::string(url)};
  }
  return Status::InvalidArgument("unsupported database URL '" + RedactPostgresUrl(url) +
                                 "': use sqlite:PATH or postgresql://USER@HOST:PORT/DBNAME");
}

std::string RedactPostgresUrl(std::string_view url) {
  UrlParts parts = SplitUrl(url);
  if (parts.scheme.empty()) return std::string(url);
  return std::string(parts.scheme) + RedactAuthority(parts.authority) + std::string(parts.path) +
         RedactQuery(parts.query);
}

std::string PostgresUrlWithDatabase(std::string_view url, std::string_view dbname) {
  UrlParts parts = SplitUrl(url);
  return std::string(parts.scheme) + std::string(parts.authority) + "/" + std::string(dbname) +
         std::string(parts.query);
}

}  // namespace txng
