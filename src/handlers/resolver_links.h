// The GS1 Digital Link resolver's decisions (GS1-Conformant Resolver
// Standard), as pure functions: which answer a request for an item gets
// (its page, its JSON facts, its linkset, or a 307 to one of its links), and
// the RFC 9264 linkset of an item. The handlers (consumer_pages.cc) find
// the item and carry the decision out.
#ifndef TXNG_HANDLERS_RESOLVER_LINKS_H_
#define TXNG_HANDLERS_RESOLVER_LINKS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace txng::handlers {

// The links the portal has for one resolved item.
struct ResolverItem {
  // The item's Digital Link as the world knows it (the linkset's anchor),
  // e.g. "https://truyxuat.example/01/08930001000018/10/L1".
  std::string anchor;
  // The same item under https://id.gs1.org, the identifier the trace,
  // recall-status and EPCIS queries take.
  std::string canonical;
  // The portal's page of the item ("/01/08930001000018/10/L1"): the
  // default link and gs1:pip.
  std::string page;
  std::string title;  // the item's name for the linkset's titles
  // Which link types exist for this kind of item: trade items (AI 01) have
  // all of them; locations (414) and logistic units (00) only the page and
  // the traceability link.
  bool trade_item = true;
  bool instance = false;            // a serialised item (AI 21): MATCH_epc, else MATCH_epcClass
  bool has_certifications = false;  // gs1:certificationInfo is offered
};

// One link: a GS1 link type (short form "gs1:pip") and its target.
struct ResolverLink {
  std::string link_type;
  std::string href;
  std::string type;  // media type of the target
};

// The item's links, the default first (gs1:defaultLink, then gs1:pip,
// gs1:traceability, gs1:certificationInfo, gs1:recallStatus, gs1:epcis, as
// the item has them).
std::vector<ResolverLink> ItemLinks(const ResolverItem& item);

enum class ResolverAnswer { kHtml, kJson, kLinkset, kRedirect };

struct ResolverDecision {
  ResolverAnswer answer = ResolverAnswer::kHtml;
  std::string location;  // kRedirect: the 307's Location
};

// The answer to a request for `item` with query parameter `link_type`
// (empty when absent; "gs1:pip" or "https://gs1.org/voc/pip" or
// "https://ref.gs1.org/voc/pip" all name the same type), its Accept header and
// `pass_on`, the request's query string without linkType (already encoded,
// no '?'), which is appended to a redirect's target.
//   linkType=linkset (or all), or Accept naming application/linkset+json → kLinkset;
//   linkType=gs1:defaultLink or gs1:pip, or none → by Accept: JSON when it
//     names application/json and not text/html, else the HTML page;
//   another link type the item has → kRedirect to its target;
//   a link type the item does not have, or an unknown one → kRedirect to
//     the default link: the standard has a resolver fall back to the
//     default link when the requested link type is not available.
ResolverDecision DecideResolverAnswer(const ResolverItem& item, std::string_view link_type,
                                      std::string_view accept, std::string_view pass_on);

// The RFC 9264 linkset document of `item` (application/linkset+json): one
// context object with the anchor and each link relation as its full GS1
// vocabulary URI ("https://gs1.org/voc/pip"), each target with href, title,
// type and (for pages) hreflang vi and en. `base` (e.g.
// "https://truyxuat.example", no trailing '/') makes the portal's paths
// absolute.
nlohmann::json Linkset(const ResolverItem& item, std::string_view base);

// The Link header an HTML answer carries to point at the linkset.
std::string LinksetLinkHeader(const ResolverItem& item);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_RESOLVER_LINKS_H_
