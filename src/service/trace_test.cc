#include "service/trace.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace txng {
namespace {

TEST(ParseTraceIdTest, EveryFormNamesTheSameIdentifier) {
  const std::string lot = "https://id.gs1.org/01/08930000000019/10/RAW-1";
  for (const char* text : {
           "https://id.gs1.org/01/08930000000019/10/RAW-1",
           "https://txng.binhphuoc.gov.vn/01/08930000000019/10/RAW-1?17=261231",
           "  (01)08930000000019(10)RAW-1  ",
           "(01)08930000000019(17)261231(10)RAW-1",
           "^010893000000001910RAW-1",
           "urn:epc:class:lgtin:8930000.000001.RAW-1",
       }) {
    Result<std::string> id = ParseTraceId(text);
    ASSERT_TRUE(id.ok()) << text << ": " << id.status().ToString();
    EXPECT_EQ(*id, lot) << text;
  }
}

TEST(ParseTraceIdTest, SerialisedItemsDropTheLotAndOtherUrisStay) {
  EXPECT_EQ(*ParseTraceId("(01)08930000000019(10)L1(21)S7"),
            "https://id.gs1.org/01/08930000000019/21/S7");
  EXPECT_EQ(*ParseTraceId("https://id.gs1.org/01/08930000000019/10/L1/21/S7"),
            "https://id.gs1.org/01/08930000000019/21/S7");
  EXPECT_EQ(*ParseTraceId("urn:epc:id:sscc:8930000.0000000001"),
            "https://id.gs1.org/00/089300000000000019");
  EXPECT_EQ(*ParseTraceId("urn:uuid:5f1b6a3c-1f7e-4f0a-9c1e-2d3b4a5c6d7e"),
            "urn:uuid:5f1b6a3c-1f7e-4f0a-9c1e-2d3b4a5c6d7e");
}

TEST(ParseTraceIdTest, BadIdentifiersSayWhy) {
  struct Case {
    const char* text;
    const char* message;
  } cases[] = {
      {"", "an identifier to trace is required"},
      {"   ", "an identifier to trace is required"},
      {"https://id.gs1.org/01/08930000000018/10/RAW-1",
       "AI (01): check digit 8 should be 9 (position 14 of \"08930000000018\")"},
      {"(01)08930000000018",
       "AI (01): check digit 8 should be 9 (position 14 of \"08930000000018\")"},
      {"(17)261231", "AI (17) requires one of: 01,02,03,255,8006,8026"},
      {"(90)TXNG", "\"(90)TXNG\" holds no GS1 key to trace"},
  };
  for (const Case& c : cases) {
    Result<std::string> id = ParseTraceId(c.text);
    ASSERT_FALSE(id.ok()) << c.text;
    EXPECT_EQ(id.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(id.status().field(), "id");
    EXPECT_NE(id.status().message().find(c.message), std::string::npos)
        << c.text << ": " << id.status().message();
  }
}

TEST(ParseTraceQueryTest, DefaultsAndEveryParameter) {
  Result<trace::TraceRequest> r = ParseTraceQuery({{"id", "(01)08930000000019(10)A"}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->direction, trace::Direction::kBoth);
  EXPECT_EQ(r->max_depth, 32);
  EXPECT_EQ(r->limit, 1000);
  EXPECT_EQ(r->offset, 0);
  EXPECT_FALSE(r->as_of);
  r = ParseTraceQuery({{"id", "(01)08930000000019(10)A"},
                       {"direction", "backward"},
                       {"depth", "3"},
                       {"limit", "50"},
                       {"offset", "100"},
                       {"asOf", "2026-03-01T07:00:00+07:00"}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->direction, trace::Direction::kBackward);
  EXPECT_EQ(r->max_depth, 3);
  EXPECT_EQ(r->limit, 50);
  EXPECT_EQ(r->offset, 100);
  EXPECT_EQ(r->as_of, 1772323200000);
}

TEST(ParseTraceQueryTest, BadParametersNameThemselves) {
  const std::string id = "(01)08930000000019(10)A";
  struct Case {
    std::vector<std::pair<std::string, std::string>> params;
    std::string field, message;
  } cases[] = {
      {{}, "id", "parameter id is required"},
      {{{"id", id}, {"direction", "up"}},
       "direction",
       "direction must be backward, forward or both, not \"up\""},
      {{{"id", id}, {"depth", "x"}}, "depth", "depth must be a whole number, not \"x\""},
      {{{"id", id}, {"depth", "65"}}, "depth", "depth must be 0..64"},
      {{{"id", id}, {"limit", "0"}}, "limit", "limit must be 1..10000"},
      {{{"id", id}, {"limit", "20000"}}, "limit", "limit must be 1..10000"},
      {{{"id", id}, {"offset", "99999"}},
       "offset",
       "offset must be 0..100000 minus the limit: a trace answers at most 100000 nodes"},
      {{{"id", id}, {"asOf", "yesterday"}}, "asOf", "asOf: "},
      {{{"id", id}, {"id", id}}, "id", "parameter id is given more than once"},
      {{{"id", id}, {"colour", "red"}},
       "colour",
       "unknown parameter colour (expected id, direction, depth, asOf, limit or offset)"},
  };
  for (const Case& c : cases) {
    Result<trace::TraceRequest> r = ParseTraceQuery(c.params);
    ASSERT_FALSE(r.ok()) << c.message;
    EXPECT_EQ(r.status().field(), c.field);
    EXPECT_TRUE(r.status().message().starts_with(c.message)) << r.status().message();
  }
}

TEST(TraceVisibilityTest, FollowsTheEventQueryRules) {
  Principal anonymous = Principal::Anonymous("127.0.0.1");
  EXPECT_EQ(TraceVisibility(anonymous), (trace::Visibility{std::nullopt, true}));
  Principal p;
  p.kind = Principal::Kind::kUser;
  p.role = Role::kAdmin;
  EXPECT_EQ(TraceVisibility(p), trace::Visibility{});
  p.role = Role::kReviewer;
  EXPECT_EQ(TraceVisibility(p), trace::Visibility{});
  p.role = Role::kOfficer;
  EXPECT_EQ(TraceVisibility(p), (trace::Visibility{std::nullopt, true}));
  p.role = Role::kProducer;
  p.org_id = 7;
  EXPECT_EQ(TraceVisibility(p), (trace::Visibility{7, false}));
}

}  // namespace
}  // namespace txng
