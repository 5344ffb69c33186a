#include "common/status.h"

#include <gtest/gtest.h>

#include "common/clock.h"

namespace txng {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return Status::InvalidArgument("odd number", "x");
  return x / 2;
}

Result<int> Quarter(int x) {
  TXNG_ASSIGN_OR_RETURN(int h, Half(x));
  return Half(h);
}

TEST(Status, OkAndErrors) {
  EXPECT_TRUE(Status::Ok().ok());
  Status s = Status::NotFound("product 7 does not exist");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.ToString(), "not_found: product 7 does not exist");
  EXPECT_EQ(Status::InvalidArgument("must be 14 digits", "gtin").ToString(),
            "invalid_argument: must be 14 digits [gtin]");
  EXPECT_EQ(s.WithContext("loading").message(), "loading: product 7 does not exist");
}

TEST(Result, PropagatesErrors) {
  EXPECT_EQ(Quarter(8).value(), 2);
  Result<int> r = Quarter(6);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "x");
  EXPECT_TRUE(Half(4).status().ok());
}

TEST(Clock, FormatsIso8601) {
  EXPECT_EQ(FormatIso8601(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatIso8601(1764380456123), "2025-11-29T01:40:56.123Z");
}

}  // namespace
}  // namespace txng
