#include "service/login_throttle.h"

#include <gtest/gtest.h>

namespace txng {
namespace {

TEST(LoginThrottle, BlocksAfterTooManyFailuresPerUser) {
  LoginThrottle t({.max_failures_per_user = 3, .max_failures_per_address = 100, .window_ms = 1000});
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(t.RetryAfter("an", "1.1.1.1", 100 + i), 0);
    t.RecordFailure("an", "1.1.1.1", 100 + i);
  }
  // Oldest failure at 100 expires at 1100.
  EXPECT_EQ(t.RetryAfter("an", "1.1.1.1", 500), 600);
  EXPECT_EQ(t.RetryAfter("an", "2.2.2.2", 500), 600);  // any address: the user is throttled
  EXPECT_EQ(t.RetryAfter("binh", "1.1.1.1", 500), 0);  // another user is not
  EXPECT_EQ(t.RetryAfter("an", "1.1.1.1", 1100), 0);
}

TEST(LoginThrottle, BlocksAnAddressGuessingManyUsers) {
  LoginThrottle t({.max_failures_per_user = 100, .max_failures_per_address = 2, .window_ms = 1000});
  t.RecordFailure("a", "9.9.9.9", 0);
  t.RecordFailure("b", "9.9.9.9", 10);
  EXPECT_GT(t.RetryAfter("c", "9.9.9.9", 20), 0);
  EXPECT_EQ(t.RetryAfter("c", "8.8.8.8", 20), 0);
}

TEST(LoginThrottle, SuccessClearsTheUsersCount) {
  LoginThrottle t({.max_failures_per_user = 2, .max_failures_per_address = 100, .window_ms = 1000});
  t.RecordFailure("an", "1.1.1.1", 0);
  t.RecordSuccess("an");
  t.RecordFailure("an", "1.1.1.1", 1);
  EXPECT_EQ(t.RetryAfter("an", "1.1.1.1", 2), 0);
}

}  // namespace
}  // namespace txng
