#include <algorithm>

#include "gs1/ai_table.h"
#include "gs1/digital_link.h"
#include "gs1/uri_escape.h"

namespace txng::gs1 {
namespace {

constexpr std::string_view kDefaultStem = "https://id.gs1.org";

std::vector<std::string_view> Split(std::string_view list, char separator) {
  std::vector<std::string_view> pieces;
  while (!list.empty()) {
    std::size_t cut = list.find(separator);
    pieces.push_back(list.substr(0, cut));
    list = cut == std::string_view::npos ? std::string_view() : list.substr(cut + 1);
  }
  return pieces;
}

const AiValue* FindPair(const std::vector<AiValue>& ais, std::string_view ai) {
  auto it = std::find_if(ais.begin(), ais.end(), [ai](const AiValue& a) { return a.ai == ai; });
  return it == ais.end() ? nullptr : &*it;
}

}  // namespace

Result<std::string> ToDigitalLink(const std::vector<AiValue>& ais, std::string_view stem,
                                  const DigitalLinkOptions& options) {
  auto key = std::find_if(ais.begin(), ais.end(), [](const AiValue& a) {
    const AiEntry* entry = FindAi(a.ai);
    return entry != nullptr && entry->dl_primary_key;
  });
  if (key == ais.end()) {
    return Status::InvalidArgument("Digital Link: no AI is a primary key");
  }
  const AiEntry* key_entry = FindAi(key->ai);
  std::vector<std::string_view> alternatives = Split(key_entry->dl_qualifiers, '|');
  // The first qualifier sequence holding any AI present; AIs of the other
  // sequences may not be attributes.
  std::vector<std::string_view> qualifiers;
  std::vector<std::string_view> other_qualifiers;
  for (std::string_view alternative : alternatives) {
    std::vector<std::string_view> sequence = Split(alternative, ',');
    bool present = std::any_of(sequence.begin(), sequence.end(),
                               [&ais](std::string_view q) { return FindPair(ais, q) != nullptr; });
    auto& target = qualifiers.empty() && present ? qualifiers : other_qualifiers;
    target.insert(target.end(), sequence.begin(), sequence.end());
  }
  std::string uri(stem.empty() ? kDefaultStem : stem);
  if (!uri.empty() && uri.back() == '/') uri.pop_back();
  uri += "/" + key->ai + "/" + UriEscape(key->value, UriPart::kPath);
  std::vector<std::string> in_path = {key->ai};
  for (std::string_view q : qualifiers) {
    if (const AiValue* pair = FindPair(ais, q)) {
      uri += "/" + pair->ai + "/" + UriEscape(pair->value, UriPart::kPath);
      in_path.push_back(pair->ai);
    }
  }
  std::vector<const AiValue*> fixed, variable;
  for (const AiValue& pair : ais) {
    if (std::find(in_path.begin(), in_path.end(), pair.ai) != in_path.end()) continue;
    bool seen = std::any_of(fixed.begin(), fixed.end(), [&](auto* p) { return *p == pair; }) ||
                std::any_of(variable.begin(), variable.end(), [&](auto* p) { return *p == pair; });
    if (seen) continue;
    const AiEntry* entry = FindAi(pair.ai);
    bool is_other_qualifier = std::find(other_qualifiers.begin(), other_qualifiers.end(),
                                        pair.ai) != other_qualifiers.end();
    if (entry == nullptr ? options.unknown_ai_not_dl_attribute || !options.permit_unknown_ais
                         : !entry->dl_data_attribute || is_other_qualifier) {
      return Status::InvalidArgument(
          "Digital Link: AI (" + pair.ai + ") may not be a data attribute here", pair.ai);
    }
    (entry != nullptr && !entry->fnc1_required ? fixed : variable).push_back(&pair);
  }
  char separator = '?';
  for (const auto* group : {&fixed, &variable}) {
    for (const AiValue* pair : *group) {
      uri += separator + pair->ai + "=" + UriEscape(pair->value, UriPart::kQuery);
      separator = '&';
    }
  }
  return uri;
}

}  // namespace txng::gs1
