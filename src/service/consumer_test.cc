#include "service/consumer.h"

#include <gtest/gtest.h>

namespace txng {
namespace {

TEST(FeedbackLimiter, AdmitsLimitPerWindowPerAddress) {
  FeedbackLimiter limiter(2, 1000);
  EXPECT_EQ(limiter.Admit("10.0.0.1", 100), 0);
  EXPECT_EQ(limiter.Admit("10.0.0.1", 200), 0);
  EXPECT_EQ(limiter.Admit("10.0.0.1", 300), 800);  // until the first leaves the window
  EXPECT_EQ(limiter.Admit("10.0.0.2", 300), 0);    // another address counts apart
  EXPECT_EQ(limiter.Admit("10.0.0.1", 1100), 0);   // the first has left
  EXPECT_EQ(limiter.Admit("10.0.0.1", 1150), 50);
}

TEST(FeedbackLimiter, ForgetsQuietAddressesAndStillLimitsActiveOnes) {
  FeedbackLimiter limiter(1, 1000);
  EXPECT_EQ(limiter.Admit("busy", 5000), 0);
  for (int i = 0; i < 5000; ++i) EXPECT_EQ(limiter.Admit("a" + std::to_string(i), 100), 0);
  // The sweep at 5000 forgets the quiet addresses, not "busy".
  EXPECT_EQ(limiter.Admit("busy", 5500), 500);
  EXPECT_EQ(limiter.Admit("a1", 5500), 0);
}

}  // namespace
}  // namespace txng
