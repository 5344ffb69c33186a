#include "handlers/resolver_links.h"

#include "http/message.h"

namespace txng::handlers {
namespace {

constexpr std::string_view kVoc = "https://gs1.org/voc/";

// "pip" for "gs1:pip", "https://gs1.org/voc/pip" and
// "https://ref.gs1.org/voc/pip"; other values unchanged.
std::string ShortType(std::string_view link_type) {
  for (std::string_view prefix :
       {std::string_view("gs1:"), kVoc, std::string_view("https://ref.gs1.org/voc/"),
        std::string_view("http://gs1.org/voc/")}) {
    if (link_type.starts_with(prefix)) return std::string(link_type.substr(prefix.size()));
  }
  return std::string(link_type);
}

// `target` with `pass_on` added to its query, before any fragment.
std::string WithQuery(const std::string& target, std::string_view pass_on) {
  if (pass_on.empty()) return target;
  const size_t hash = target.find('#');
  const std::string path = target.substr(0, hash);
  const std::string fragment = hash == std::string::npos ? "" : target.substr(hash);
  return path + (path.find('?') == std::string::npos ? "?" : "&") + std::string(pass_on) + fragment;
}

bool Names(std::string_view accept, std::string_view type) {
  return accept.find(type) != std::string_view::npos;
}

}  // namespace

std::vector<ResolverLink> ItemLinks(const ResolverItem& item) {
  const std::string id = http::PercentEncode(item.canonical);
  std::vector<ResolverLink> links = {{"gs1:defaultLink", item.page, "text/html"},
                                     {"gs1:pip", item.page, "text/html"},
                                     {"gs1:traceability", "/trace?id=" + id, "text/html"}};
  if (!item.trade_item) return links;
  if (item.has_certifications) {
    links.push_back({"gs1:certificationInfo", item.page + "#certifications", "text/html"});
  }
  links.push_back({"gs1:recallStatus", "/api/v1/recall-status?id=" + id, "application/json"});
  links.push_back(
      {"gs1:epcis",
       std::string("/epcis/events?") + (item.instance ? "MATCH_epc=" : "MATCH_epcClass=") + id,
       "application/ld+json"});
  return links;
}

ResolverDecision DecideResolverAnswer(const ResolverItem& item, std::string_view link_type,
                                      std::string_view accept, std::string_view pass_on) {
  const std::string type = ShortType(link_type);
  if (type == "linkset" || type == "all" ||
      (type.empty() && Names(accept, "application/linkset+json"))) {
    return {ResolverAnswer::kLinkset, ""};
  }
  if (type.empty() || type == "defaultLink" || type == "pip") {
    if (Names(accept, "application/json") && !Names(accept, "text/html")) {
      return {ResolverAnswer::kJson, ""};
    }
    return {ResolverAnswer::kHtml, ""};
  }
  for (const ResolverLink& link : ItemLinks(item)) {
    if (ShortType(link.link_type) == type) {
      return {ResolverAnswer::kRedirect, WithQuery(link.href, pass_on)};
    }
  }
  return {ResolverAnswer::kRedirect, WithQuery(item.page, pass_on)};
}

nlohmann::json Linkset(const ResolverItem& item, std::string_view base) {
  nlohmann::json context = {{"anchor", item.anchor}};
  for (const ResolverLink& link : ItemLinks(item)) {
    nlohmann::json target = {
        {"href", std::string(base) + link.href}, {"title", item.title}, {"type", link.type}};
    if (link.type == "text/html") target["hreflang"] = {"vi", "en"};
    context[std::string(kVoc) + ShortType(link.link_type)].push_back(std::move(target));
  }
  return {{"linkset", nlohmann::json::array({std::move(context)})}};
}

std::string LinksetLinkHeader(const ResolverItem& item) {
  return "<" + item.page + "?linkType=linkset>; rel=\"linkset\"; type=\"application/linkset+json\"";
}

}  // namespace txng::handlers
