// Text inside XML and SVG: the characters that would end a text node or an
// attribute value, escaped.
#ifndef TXNG_COMMON_XML_TEXT_H_
#define TXNG_COMMON_XML_TEXT_H_

#include <string>
#include <string_view>

namespace txng {

// `text` with & < > " as entities; fit for element text and double-quoted
// attribute values.
std::string EscapeXml(std::string_view text);

}  // namespace txng

#endif  // TXNG_COMMON_XML_TEXT_H_
