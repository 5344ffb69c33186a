#include "gs1/uri_escape.h"

#include <gtest/gtest.h>

#include "gs1/digital_link_keys.h"

namespace txng::gs1 {
namespace {

TEST(UriEscapeTest, PathAndQueryDifferOnlyInSpaces) {
  EXPECT_EQ(UriEscape("A B/c~", UriPart::kPath), "A%20B%2Fc~");
  EXPECT_EQ(UriEscape("A B/c~", UriPart::kQuery), "A+B%2Fc~");
}

TEST(UriEscapeTest, UnescapeKeepsBrokenEscapes) {
  EXPECT_EQ(UriUnescape("a%2fb+c", UriPart::kQuery), "a/b c");
  EXPECT_EQ(UriUnescape("a%2fb+c", UriPart::kPath), "a/b+c");
  EXPECT_EQ(UriUnescape("A%4gB%2", UriPart::kPath), "A%4gB%2");
}

TEST(DigitalLinkKeysTest, QualifiersFollowTheKeysOrder) {
  EXPECT_TRUE(IsDigitalLinkPathSequence({"01", "22", "21"}));
  EXPECT_TRUE(IsDigitalLinkPathSequence({"01", "235"}));
  EXPECT_FALSE(IsDigitalLinkPathSequence({"01", "21", "10"}));
  EXPECT_FALSE(IsDigitalLinkPathSequence({"01", "22", "235"}));
  EXPECT_FALSE(IsDigitalLinkPathSequence({"10"}));
  EXPECT_FALSE(IsDigitalLinkPathSequence({"00", "10"}));
}

}  // namespace
}  // namespace txng::gs1
