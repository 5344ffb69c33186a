#include "handlers/resolver_links.h"

#include <gtest/gtest.h>

namespace txng::handlers {
namespace {

ResolverItem Lot() {
  ResolverItem item;
  item.anchor = "https://portal.example/01/08930001000018/10/L1";
  item.canonical = "https://id.gs1.org/01/08930001000018/10/L1";
  item.page = "/01/08930001000018/10/L1";
  item.title = "Hạt điều";
  item.has_certifications = true;
  return item;
}

const std::string kId = "https%3A%2F%2Fid.gs1.org%2F01%2F08930001000018%2F10%2FL1";

TEST(DecideResolverAnswer, NegotiatesThePageJsonAndLinkset) {
  const ResolverItem item = Lot();
  const char* browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  EXPECT_EQ(DecideResolverAnswer(item, "", browser, "").answer, ResolverAnswer::kHtml);
  EXPECT_EQ(DecideResolverAnswer(item, "", "", "").answer, ResolverAnswer::kHtml);
  EXPECT_EQ(DecideResolverAnswer(item, "", "application/json", "").answer, ResolverAnswer::kJson);
  EXPECT_EQ(DecideResolverAnswer(item, "gs1:pip", "application/json", "").answer,
            ResolverAnswer::kJson);
  EXPECT_EQ(DecideResolverAnswer(item, "", "application/linkset+json", "").answer,
            ResolverAnswer::kLinkset);
  EXPECT_EQ(DecideResolverAnswer(item, "linkset", browser, "").answer, ResolverAnswer::kLinkset);
  EXPECT_EQ(DecideResolverAnswer(item, "gs1:defaultLink", browser, "").answer,
            ResolverAnswer::kHtml);
}

TEST(DecideResolverAnswer, RedirectsLinkTypesWithTheQueryPassedOn) {
  const ResolverItem item = Lot();
  ResolverDecision d = DecideResolverAnswer(item, "gs1:traceability", "", "17=261231");
  EXPECT_EQ(d.answer, ResolverAnswer::kRedirect);
  EXPECT_EQ(d.location, "/trace?id=" + kId + "&17=261231");
  EXPECT_EQ(DecideResolverAnswer(item, "https://gs1.org/voc/recallStatus", "", "").location,
            "/api/v1/recall-status?id=" + kId);
  EXPECT_EQ(DecideResolverAnswer(item, "gs1:epcis", "", "").location,
            "/epcis/events?MATCH_epcClass=" + kId);
  EXPECT_EQ(DecideResolverAnswer(item, "gs1:certificationInfo", "", "a=b").location,
            "/01/08930001000018/10/L1?a=b#certifications");
}

TEST(DecideResolverAnswer, SerialisedItemsQueryTheirOwnEvents) {
  ResolverItem item = Lot();
  item.instance = true;
  EXPECT_EQ(DecideResolverAnswer(item, "gs1:epcis", "", "").location,
            "/epcis/events?MATCH_epc=" + kId);
}

TEST(DecideResolverAnswer, UnavailableLinkTypesFallBackToTheDefaultLink) {
  ResolverItem item = Lot();
  item.has_certifications = false;
  EXPECT_EQ(DecideResolverAnswer(item, "gs1:certificationInfo", "", "").location,
            "/01/08930001000018/10/L1");
  EXPECT_EQ(DecideResolverAnswer(item, "gs1:recipeInfo", "", "x=1").location,
            "/01/08930001000018/10/L1?x=1");
  ResolverItem place = Lot();
  place.trade_item = false;
  EXPECT_EQ(DecideResolverAnswer(place, "gs1:recallStatus", "", "").location, place.page);
}

TEST(Linkset, HasTheAnchorAndEveryLinkAsAGs1VocabularyUri) {
  const nlohmann::json doc = Linkset(Lot(), "https://portal.example");
  ASSERT_EQ(doc["linkset"].size(), 1u);
  const nlohmann::json& ctx = doc["linkset"][0];
  EXPECT_EQ(ctx["anchor"], "https://portal.example/01/08930001000018/10/L1");
  EXPECT_EQ(ctx["https://gs1.org/voc/defaultLink"][0]["href"],
            "https://portal.example/01/08930001000018/10/L1");
  EXPECT_EQ(ctx["https://gs1.org/voc/pip"][0]["hreflang"], nlohmann::json({"vi", "en"}));
  EXPECT_EQ(ctx["https://gs1.org/voc/traceability"][0]["href"],
            "https://portal.example/trace?id=" + kId);
  EXPECT_EQ(ctx["https://gs1.org/voc/recallStatus"][0]["type"], "application/json");
  EXPECT_EQ(ctx["https://gs1.org/voc/epcis"][0]["title"], "Hạt điều");
  EXPECT_TRUE(ctx.contains("https://gs1.org/voc/certificationInfo"));
  EXPECT_EQ(ctx.size(), 7u);  // anchor + six relations
}

TEST(Linkset, LocationsHaveOnlyTheirPageAndTrace) {
  ResolverItem place = Lot();
  place.trade_item = false;
  const nlohmann::json doc = Linkset(place, "");
  EXPECT_EQ(doc["linkset"][0].size(), 4u);  // anchor, defaultLink, pip, traceability
  EXPECT_EQ(LinksetLinkHeader(place),
            "</01/08930001000018/10/L1?linkType=linkset>; rel=\"linkset\"; "
            "type=\"application/linkset+json\"");
}

}  // namespace
}  // namespace txng::handlers
