// Handlers for static assets: files embedded in the binary (the default; see
// common/embedded.h) or, for development, a directory on disk.
//
// Both are meant for a route ending in "{*rest}", e.g.
//   router.Add("GET", "/static/{*rest}", StaticFiles(EmbeddedWeb(), "static/"));
// The file looked up is `prefix` + the decoded rest. Responses carry a
// Content-Type chosen by extension, `Cache-Control: public, max-age=86400` and
// an ETag; a matching If-None-Match gets 304. Anything that could leave the
// asset tree answers a 404 problem, like an unknown file: empty, "." or ".."
// segments, dot-files, backslashes, NULs, and encoded slashes or backslashes
// in the raw target.
#ifndef TXNG_HTTP_STATIC_FILES_H_
#define TXNG_HTTP_STATIC_FILES_H_

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "common/embedded.h"
#include "http/router.h"

namespace txng::http {

// Serves the files of `bundle` whose path starts with `prefix`. The bundle
// must outlive the handler (embedded bundles live for the whole process).
Handler StaticFiles(std::span<const EmbeddedFile> bundle, std::string prefix);

// Serves regular files under `root`, read at each request; symbolic links
// that lead outside `root` are not followed.
Handler StaticDir(std::filesystem::path root);

// "text/css; charset=utf-8" for "a/b.css"; application/octet-stream when unknown.
std::string_view ContentTypeForPath(std::string_view path);

}  // namespace txng::http

#endif  // TXNG_HTTP_STATIC_FILES_H_
