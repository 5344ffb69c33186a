// Minimal JSON writing for the few fixed-shape documents the HTTP layer emits
// (problem details, access-log lines), so that this layer needs no JSON
// library on its hot path.
#ifndef TXNG_HTTP_JSON_TEXT_H_
#define TXNG_HTTP_JSON_TEXT_H_

#include <string>
#include <string_view>

namespace txng::http {

// Appends `s` as a quoted JSON string. Bytes >= 0x80 pass through unchanged
// (the input is expected to be UTF-8); control characters are escaped.
void AppendJsonString(std::string& out, std::string_view s);

}  // namespace txng::http

#endif  // TXNG_HTTP_JSON_TEXT_H_
