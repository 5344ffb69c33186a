// Text helpers of the demo generator: the {placeholder} templates of the
// province file, and ASCII forms of Vietnamese names for codes and e-mail
// addresses.
#ifndef TXNG_SERVICE_DEMO_TEXT_H_
#define TXNG_SERVICE_DEMO_TEXT_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace txng::demo {

struct TemplateVar {
  std::string_view name;
  std::string_view value;
};

// Empty when every {name} in `text` is one of `allowed` and the braces
// balance; otherwise says what is wrong ("unknown placeholder {varient};
// this field accepts {variant} {pack}").
std::string CheckTemplate(std::string_view text, const std::vector<std::string_view>& allowed);

// `text` with each {name} replaced by its value. Meant for templates that
// passed CheckTemplate; a placeholder without a value is kept as written.
std::string ExpandTemplate(std::string_view text, std::initializer_list<TemplateVar> vars);

// `text` with Vietnamese letters reduced to their ASCII base letter
// ("Đồng Xoài" -> "Dong Xoai"); other non-ASCII characters are dropped.
std::string FoldToAscii(std::string_view text);

// Lower-case ASCII letters and digits of `text` ("Hưng Phát" -> "hungphat").
std::string AsciiSlug(std::string_view text);

// Upper-case ASCII initials of the words of `text` ("Hưng Phát" -> "HP").
std::string AsciiInitials(std::string_view text);

}  // namespace txng::demo

#endif  // TXNG_SERVICE_DEMO_TEXT_H_
