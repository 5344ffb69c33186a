// Small validation rules shared by the services. Each returns OK or an
// InvalidArgument naming `field` (the API's field name) and the rule broken.
#ifndef TXNG_SERVICE_FIELD_RULES_H_
#define TXNG_SERVICE_FIELD_RULES_H_

#include <string>
#include <string_view>

#include "common/status.h"

namespace txng {

// Number of Unicode code points in valid UTF-8 text.
size_t Utf8Length(std::string_view s);

// Non-empty (after trimming spaces) and at most `max_chars` characters.
Status RequireText(std::string_view value, const char* field, size_t max_chars);
// At most `max_chars` characters, no control characters other than newlines and tabs.
Status LimitText(std::string_view value, const char* field, size_t max_chars);
// Empty, an absolute http(s) URL, or a path starting with '/'; at most 500 bytes.
Status CheckUrl(std::string_view value, const char* field);
// Empty or at most `max_len` characters of GS1 character set 82 (the set
// allowed in lot numbers, serials and GLN extensions).
Status CheckGs1Chars(std::string_view value, const char* field, size_t max_len);
// Empty or a real calendar date written YYYY-MM-DD.
Status CheckDate(std::string_view value, const char* field);

}  // namespace txng

#endif  // TXNG_SERVICE_FIELD_RULES_H_
