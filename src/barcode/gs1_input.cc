#include "barcode/gs1_input.h"

#include <string>

#include "gs1/ai_table.h"

namespace txng::barcode {
namespace {

constexpr char kGs = '\x1d';

bool IsFnc1(char c) { return c == '^' || c == kGs; }

// GS1 character set 82: digits, letters and !"%&'()*+,-./:;<=>?_
bool IsCset82(char c) {
  if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return true;
  return std::string_view("!\"%&'()*+,-./:;<=>?_").find(c) != std::string_view::npos;
}

std::string Position(std::size_t pos) { return " at position " + std::to_string(pos + 1); }

}  // namespace

Result<Gs1Input> ReadGs1Input(std::string_view element_string) {
  Gs1Input out;
  std::size_t pos = 0;
  if (pos < element_string.size() && IsFnc1(element_string[pos])) ++pos;
  if (pos == element_string.size()) return Status::InvalidArgument("GS1 element string is empty");
  bool separator_pending = false;  // the previous value was variable-length
  while (pos < element_string.size()) {
    if (IsFnc1(element_string[pos])) {
      ++pos;  // a separator; where it is needed is decided below
      continue;
    }
    std::string_view rest = element_string.substr(pos);
    std::optional<int> ai_length = gs1::AiLengthByPrefix(rest.substr(0, 2));
    if (!ai_length || rest.size() < static_cast<std::size_t>(*ai_length)) {
      return Status::InvalidArgument("no GS1 Application Identifier starts with \"" +
                                     std::string(rest.substr(0, 4)) + "\"" + Position(pos));
    }
    std::string_view ai = rest.substr(0, *ai_length);
    const gs1::AiEntry* entry = gs1::FindAi(ai);
    if (entry == nullptr) {
      return Status::InvalidArgument("unknown GS1 Application Identifier (" + std::string(ai) +
                                     ")" + Position(pos));
    }
    std::size_t value_start = pos + ai.size();
    std::size_t value_end = value_start;
    while (value_end < element_string.size() && !IsFnc1(element_string[value_end])) ++value_end;
    const std::size_t max_length = static_cast<std::size_t>(gs1::MaxValueLength(*entry));
    std::size_t length = value_end - value_start;
    if (!entry->fnc1_required) {
      // Predefined length: the value ends without a separator.
      if (length < max_length) {
        return Status::InvalidArgument("AI (" + std::string(ai) + ") needs " +
                                       std::to_string(max_length) + " characters, got " +
                                       std::to_string(length));
      }
      length = max_length;
    } else if (length == 0) {
      return Status::InvalidArgument("AI (" + std::string(ai) + ") has no value" + Position(pos));
    } else if (length > max_length) {
      return Status::InvalidArgument("AI (" + std::string(ai) + ") holds at most " +
                                     std::to_string(max_length) + " characters, got " +
                                     std::to_string(length));
    }
    std::string_view value = element_string.substr(value_start, length);
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (!IsCset82(value[i])) {
        return Status::InvalidArgument("AI (" + std::string(ai) +
                                       ") has a character outside GS1 character set 82" +
                                       Position(value_start + i));
      }
    }
    if (separator_pending) out.data += kGs;
    out.data.append(ai).append(value);
    out.bracketed.append("(").append(ai).append(")").append(value);
    out.data_characters += static_cast<int>(ai.size() + value.size());
    separator_pending = entry->fnc1_required;
    pos = value_start + length;
  }
  return out;
}

}  // namespace txng::barcode
