#include "gs1/gs1_data.h"

#include "gs1/ai_table.h"
#include "gs1/digital_link.h"

namespace txng::gs1 {
namespace {

constexpr std::string_view kDigitalLinkSchemes[] = {"http://", "https://", "HTTP://", "HTTPS://"};

bool IsDigitalLink(std::string_view data) {
  for (std::string_view scheme : kDigitalLinkSchemes) {
    if (data.substr(0, scheme.size()) == scheme) return true;
  }
  return false;
}

}  // namespace

Result<std::vector<std::vector<AiValue>>> ParseGs1Data(std::string_view data,
                                                       const ElementStringOptions& options) {
  if (IsDigitalLink(data)) {
    DigitalLinkOptions dl_options;
    dl_options.permit_unknown_ais = options.permit_unknown_ais;
    dl_options.validate_requisites = options.validate_requisites;
    TXNG_ASSIGN_OR_RETURN(DigitalLink link, ParseDigitalLink(data, dl_options));
    return std::vector<std::vector<AiValue>>{std::move(link.ais)};
  }
  ElementStringOptions per_component = options;
  per_component.validate_requisites = false;
  per_component.validate_exclusions = false;
  std::vector<std::vector<AiValue>> components;
  std::vector<AiValue> all;
  while (true) {
    std::size_t bar = data.find('|');
    std::string_view part = data.substr(0, bar);
    auto ais = !part.empty() && part[0] == '(' ? ParseBracketed(part, per_component)
                                               : ParseElementString(part, per_component);
    if (!ais.ok()) return ais.status();
    all.insert(all.end(), ais->begin(), ais->end());
    components.push_back(std::move(ais).value());
    if (bar == std::string_view::npos) break;
    data.remove_prefix(bar + 1);
  }
  TXNG_RETURN_IF_ERROR(ValidateAis(all, options));
  return components;
}

std::vector<std::string> HriLines(const std::vector<AiValue>& ais, bool with_titles) {
  std::vector<std::string> lines;
  for (const AiValue& pair : ais) {
    std::string line = "(" + pair.ai + ") " + pair.value;
    const AiEntry* entry = FindAi(pair.ai);
    if (with_titles && entry != nullptr) line = std::string(entry->title) + " " + line;
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace txng::gs1
