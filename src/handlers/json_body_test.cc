#include "handlers/json_body.h"

#include <gtest/gtest.h>

#include "handlers/entity_json.h"

namespace txng::handlers {
namespace {

TEST(ParseJsonObject, NamesThePositionOfASyntaxError) {
  auto r = ParseJsonObject("{\"gtin\": \"1\",\n \"nameVi\": }");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("line 2, column 12"), std::string::npos)
      << r.status().message();
}

TEST(ParseJsonObject, RefusesNonObjectsAndEmptyBodies) {
  EXPECT_EQ(ParseJsonObject("[1,2]").status().message(),
            "the request body must be a JSON object, not array");
  EXPECT_EQ(ParseJsonObject("").status().message(),
            "the request body is empty: send a JSON object");
}

TEST(JsonFields, NamesWrongTypesAndUnknownFields) {
  auto wrong = ProductFieldsFromJson(nlohmann::json{{"gtin", 893}});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().message(), "gtin must be a string, not number");
  EXPECT_EQ(wrong.status().field(), "gtin");

  auto unknown = ProductFieldsFromJson(nlohmann::json{{"nmeVi", "x"}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().field(), "nmeVi");
  EXPECT_EQ(unknown.status().message().rfind("unknown field 'nmeVi'; the fields are: ", 0), 0u);
}

TEST(JsonFields, NullClearsNullableFields) {
  auto f = ProductFieldsFromJson(nlohmann::json{{"shelfLifeDays", nullptr}, {"nameVi", "Điều"}});
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  ASSERT_TRUE(f->shelf_life_days.has_value());
  EXPECT_FALSE(f->shelf_life_days->has_value());
  EXPECT_EQ(f->name_vi, "Điều");
  EXPECT_FALSE(f->gtin.has_value());

  auto lot = LotFieldsFromJson(nlohmann::json{{"quantity", "12"}});
  ASSERT_FALSE(lot.ok());
  EXPECT_EQ(lot.status().message(), "quantity must be a number, not string");
}

TEST(ReviewDecisionFromJson, AcceptsOnlyTheTwoDecisions) {
  auto ok = ReviewDecisionFromJson(nlohmann::json{{"decision", "reject"}, {"reason", "ảnh mờ"}});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->status, ReviewStatus::kRejected);
  EXPECT_EQ(ok->reason, "ảnh mờ");
  auto bad = ReviewDecisionFromJson(nlohmann::json{{"decision", "maybe"}});
  EXPECT_EQ(bad.status().field(), "decision");
}

}  // namespace
}  // namespace txng::handlers
