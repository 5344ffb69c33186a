// Percent-encoding of GS1 Digital Link path segments and query values
// (RFC 3986): unreserved characters stay, everything else becomes %HH; in
// query values a space is '+'.
#ifndef TXNG_GS1_URI_ESCAPE_H_
#define TXNG_GS1_URI_ESCAPE_H_

#include <string>
#include <string_view>

namespace txng::gs1 {

enum class UriPart { kPath, kQuery };

std::string UriEscape(std::string_view text, UriPart part);

// Decodes %HH escapes (and '+' as space in a query). A '%' not followed by
// two hex digits is kept as it is.
std::string UriUnescape(std::string_view text, UriPart part);

}  // namespace txng::gs1

#endif  // TXNG_GS1_URI_ESCAPE_H_
