#include "gs1/uri_escape.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

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

// Whether the AIs `path`, each with a value of "1", are a Digital Link path.
bool IsPathSequence(std::initializer_list<std::string> path) {
  std::vector<AiValue> ais;
  for (const std::string& ai : path) ais.push_back({ai, "1"});
  return IsDigitalLinkPathSequence(ais);
}

TEST(DigitalLinkKeysTest, QualifiersFollowTheKeysOrder) {
  EXPECT_TRUE(IsPathSequence({"01", "22", "21"}));
  EXPECT_TRUE(IsPathSequence({"01", "235"}));
  EXPECT_FALSE(IsPathSequence({"01", "21", "10"}));
  EXPECT_FALSE(IsPathSequence({"01", "22", "235"}));
  EXPECT_FALSE(IsPathSequence({"10"}));
  EXPECT_FALSE(IsPathSequence({"00", "10"}));
}

}  // namespace
}  // namespace txng::gs1
