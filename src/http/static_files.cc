#include "http/static_files.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <unordered_map>

#include "http/problem.h"

namespace txng::http {
namespace {

constexpr std::string_view kCacheControl = "public, max-age=86400";

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Hex64(uint64_t v) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i) {
    s[i] = kHex[v & 0xF];
    v >>= 4;
  }
  return s;
}

// FNV-1a: a content fingerprint for ETags, not a security measure.
uint64_t Fnv1a(std::string_view data) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// The decoded "rest" capture when it is a plain relative file path.
std::optional<std::string> SafeRelativePath(const Request& req) {
  std::string raw = req.target.substr(0, req.target.find('?'));
  std::transform(raw.begin(), raw.end(), raw.begin(), AsciiLower);
  for (std::string_view bad : {"%2f", "%5c", "%00"}) {
    if (raw.find(bad) != std::string::npos) return std::nullopt;
  }
  std::string rest = req.Param("rest");
  if (rest.empty() || rest.find('\0') != std::string::npos ||
      rest.find('\\') != std::string::npos) {
    return std::nullopt;
  }
  std::string_view remaining = rest;
  while (true) {
    size_t slash = remaining.find('/');
    std::string_view segment = remaining.substr(0, slash);
    // Also rules out "." and "..".
    if (segment.empty() || segment.front() == '.') return std::nullopt;
    if (slash == std::string_view::npos) break;
    remaining.remove_prefix(slash + 1);
  }
  return rest;
}

bool IfNoneMatchHits(const Request& req, std::string_view etag) {
  std::optional<std::string> header = req.Header("if-none-match");
  if (!header) return false;
  std::string_view list = *header;
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view tag = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);  // weak comparison, RFC 9110 §13.1.2
    if (tag == "*" || tag == etag) return true;
  }
  return false;
}

Response FileResponse(const Request& req, std::string_view path, std::string_view data,
                      const std::string& etag) {
  Response r;
  if (IfNoneMatchHits(req, etag)) {
    r.status = 304;
    r.content_type.clear();
  } else {
    r.content_type = std::string(ContentTypeForPath(path));
    r.body = std::string(data);
  }
  r.SetHeader("Cache-Control", std::string(kCacheControl));
  r.SetHeader("ETag", etag);
  return r;
}

Response NotFound(const Request& req) {
  return ProblemResponse(Status::NotFound("no such file: " + req.path), req.path);
}

}  // namespace

std::string_view ContentTypeForPath(std::string_view path) {
  static const std::unordered_map<std::string_view, std::string_view> kTypes = {
      {"css", "text/css; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"json", "application/json"},
      {"map", "application/json"},
      {"html", "text/html; charset=utf-8"},
      {"txt", "text/plain; charset=utf-8"},
      {"xml", "application/xml"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"ico", "image/x-icon"},
      {"woff", "font/woff"},
      {"woff2", "font/woff2"},
      {"ttf", "font/ttf"},
      {"pdf", "application/pdf"},
      {"wasm", "application/wasm"},
      {"webmanifest", "application/manifest+json"},
  };
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return "application/octet-stream";
  }
  std::string ext(path.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(), AsciiLower);
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

Handler StaticFiles(std::span<const EmbeddedFile> bundle, std::string prefix) {
  struct File {
    std::string_view data;
    std::string etag;
  };
  auto files = std::make_shared<std::unordered_map<std::string_view, File>>();
  for (const EmbeddedFile& f : bundle) {
    if (!f.path.starts_with(prefix)) continue;
    files->emplace(f.path, File{f.data, '"' + Hex64(Fnv1a(f.data)) + '"'});
  }
  return [files, prefix = std::move(prefix)](Request& req) {
    std::optional<std::string> rel = SafeRelativePath(req);
    if (!rel) return NotFound(req);
    auto it = files->find(prefix + *rel);
    if (it == files->end()) return NotFound(req);
    return FileResponse(req, it->first, it->second.data, it->second.etag);
  };
}

Handler StaticDir(std::filesystem::path root) {
  std::error_code ec;
  std::filesystem::path canonical_root = std::filesystem::weakly_canonical(root, ec);
  if (ec) canonical_root = root.lexically_normal();
  return [root = std::move(canonical_root)](Request& req) {
    std::optional<std::string> rel = SafeRelativePath(req);
    if (!rel) return NotFound(req);
    std::error_code ec;
    std::filesystem::path file = std::filesystem::canonical(root / *rel, ec);
    if (ec || !std::filesystem::is_regular_file(file, ec)) return NotFound(req);
    // canonical() resolved every symbolic link: the result must still be under root.
    auto [root_end, file_it] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
    if (root_end != root.end()) return NotFound(req);
    std::ifstream in(file, std::ios::binary);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) return NotFound(req);
    auto mtime = std::filesystem::last_write_time(file, ec).time_since_epoch().count();
    std::string etag = '"' + Hex64(data.size()) + '-' + Hex64(static_cast<uint64_t>(mtime)) + '"';
    return FileResponse(req, file.string(), data, etag);
  };
}

}  // namespace txng::http
