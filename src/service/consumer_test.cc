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

}  // namespace
}  // namespace txng
