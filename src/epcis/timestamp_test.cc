#include "epcis/timestamp.h"

#include <gtest/gtest.h>

namespace txng::epcis {
namespace {

std::string Utc(std::string_view text) {
  Result<Instant> instant = ParseTimestamp(text);
  EXPECT_TRUE(instant.ok()) << text << ": " << instant.status().ToString();
  return instant.ok() ? FormatUtcMillis(*instant) : "";
}

TEST(Timestamp, NormalisesToUtcMilliseconds) {
  EXPECT_EQ(Utc("2020-03-04T11:00:30.000+01:00"), "2020-03-04T10:00:30.000Z");
  EXPECT_EQ(Utc("2005-04-04T20:33:31.116-06:00"), "2005-04-05T02:33:31.116Z");
  EXPECT_EQ(Utc("2019-10-21T14:45:00Z"), "2019-10-21T14:45:00.000Z");
  EXPECT_EQ(Utc("2022-02-15T01:33:31.116000-06:00"), "2022-02-15T07:33:31.116Z");
  EXPECT_EQ(Utc("2024-02-29T23:30:00-01:00"), "2024-03-01T00:30:00.000Z");
}

TEST(Timestamp, RoundsHalfToEven) {
  EXPECT_EQ(Utc("2023-02-02T11:04:03.1415Z"), "2023-02-02T11:04:03.142Z");
  EXPECT_EQ(Utc("2023-02-02T11:04:03.1425Z"), "2023-02-02T11:04:03.142Z");
  EXPECT_EQ(Utc("2023-02-02T11:04:03.1414Z"), "2023-02-02T11:04:03.141Z");
  EXPECT_EQ(Utc("2023-12-31T23:59:59.9996Z"), "2024-01-01T00:00:00.000Z");
}

TEST(Timestamp, RejectsWhatIsNoDateTime) {
  EXPECT_FALSE(ParseTimestamp("2020-03-04T11:00:30").ok());  // no zone
  EXPECT_FALSE(ParseTimestamp("2020-02-30T11:00:30Z").ok());
  EXPECT_FALSE(ParseTimestamp("2020-03-04 11:00:30Z").ok());
  EXPECT_FALSE(ParseTimestamp("2020-03-04T24:00:00Z").ok());
  EXPECT_FALSE(ParseTimestamp("2020-03-04T11:00:30.Z").ok());
  EXPECT_FALSE(ParseTimestamp("2020-03-04T11:00:30+0700").ok());
  EXPECT_EQ(ParseTimestamp("2020-03-04T11:00").status().message(),
            "\"2020-03-04T11:00\" is not an ISO 8601 date-time: expected YYYY-MM-DDThh:mm:ss");
}

TEST(Timestamp, TimeZoneOffsets) {
  EXPECT_TRUE(IsTimeZoneOffset("+07:00"));
  EXPECT_TRUE(IsTimeZoneOffset("-06:00"));
  EXPECT_TRUE(IsTimeZoneOffset("+14:00"));
  EXPECT_FALSE(IsTimeZoneOffset("+14:30"));
  EXPECT_FALSE(IsTimeZoneOffset("07:00"));
  EXPECT_FALSE(IsTimeZoneOffset("+7:00"));
  EXPECT_FALSE(IsTimeZoneOffset("+07:60"));
  EXPECT_FALSE(IsTimeZoneOffset("Z"));
}

}  // namespace
}  // namespace txng::epcis
