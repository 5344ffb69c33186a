#include "barcode/gs1_input.h"

#include <string>

#include "gs1/element_string.h"

namespace txng::barcode {

Result<Gs1Input> ReadGs1Input(std::string_view element_string) {
  // The gs1 parser wants FNC1 in first position; the encoders take it as
  // optional because every GS1 symbol starts with one anyway.
  std::string input = "^";
  if (!element_string.empty() && (element_string[0] == '^' || element_string[0] == '\x1d')) {
    element_string.remove_prefix(1);
  }
  input.append(element_string);
  if (input.size() == 1) return Status::InvalidArgument("GS1 element string is empty");
  // Full validation: values, check digits, dates and the AI combinations, so
  // that no symbol is printed with data a scanner's application would refuse.
  TXNG_ASSIGN_OR_RETURN(std::vector<gs1::AiValue> ais,
                        gs1::ParseElementString(input, gs1::ElementStringOptions{}));
  Gs1Input out;
  out.data = gs1::ToElementString(ais, '\x1d').substr(1);  // without the leading FNC1
  out.bracketed = gs1::ToBracketed(ais);
  for (const gs1::AiValue& a : ais) {
    out.data_characters += static_cast<int>(a.ai.size() + a.value.size());
  }
  return out;
}

}  // namespace txng::barcode
