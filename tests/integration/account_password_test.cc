// A user's own password over HTTP on both backends: after an administrator
// sets it, every page leads to /account/password and the API refuses until
// the user has chosen their own; wrong input changes nothing; the change
// ends the user's other sessions.
#include <gtest/gtest.h>

#include <string>

#include "http/message.h"
#include "integration/app_fixture.h"

namespace txng {
namespace {

class AccountPasswordTest : public AppTest {
 protected:
  test::HttpResponse Form(const std::string& target, const Caller& who, std::string body,
                          bool csrf = true) {
    if (csrf) body += (body.empty() ? "" : "&") + std::string("csrf_token=") + who.csrf;
    return client_->Request(
        "POST", target, body,
        {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", who.cookie}});
  }

  test::HttpResponse Get(const std::string& target, const Caller& who) {
    return client_->Request("GET", target, "", {{"Cookie", who.cookie}});
  }

  static std::string ChangeBody(const std::string& current, const std::string& next,
                                const std::string& confirm) {
    return "current=" + http::PercentEncode(current) + "&password=" + http::PercentEncode(next) +
           "&confirm=" + http::PercentEncode(confirm);
  }

  static bool Contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
  }

  // The administrator sets `username`'s password through /admin/users.
  void ResetByAdmin(const std::string& username, const std::string& password) {
    const int64_t id = store_->GetUserByUsername(username)->id;
    auto r = Form("/admin/users/" + std::to_string(id) + "/password", Login("admin"),
                  "password=" + http::PercentEncode(password));
    ASSERT_EQ(r.status, 200) << r.body;
    ASSERT_TRUE(store_->GetUserByUsername(username)->must_change_password);
  }
};

TEST_P(AccountPasswordTest, AnAdministratorsPasswordIsReplacedBeforeAnythingElse) {
  ResetByAdmin("reviewer", "set by the admin");
  const Caller r = Login("reviewer", "set by the admin");
  const Caller elsewhere = Login("reviewer", "set by the admin");
  EXPECT_TRUE(Json(Call("GET", "/api/v1/me", r)).value("mustChangePassword", false));

  // Pages lead to the form; the API says what to do.
  for (const char* page : {"/review", "/dashboard", "/"}) {
    auto to_form = Get(page, r);
    EXPECT_EQ(to_form.status, 303) << page;
    EXPECT_EQ(to_form.Header("location"), "/account/password") << page;
  }
  auto api = Call("GET", "/api/v1/products", r);
  EXPECT_EQ(api.status, 403);
  EXPECT_TRUE(Contains(Json(api).value("detail", ""), "/account/password")) << api.body;
  auto form = Get("/account/password", r);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "Mật khẩu này do quản trị hệ thống đặt."));

  // Refused changes change nothing.
  const std::string hash = store_->GetUserByUsername("reviewer")->password_hash;
  const Snapshot before = Counts();
  EXPECT_EQ(Form("/account/password", r,
                 ChangeBody("set by the admin", "my own secret", "my own secret"), false)
                .status,
            403);
  struct Case {
    std::string body, message, field;
  };
  for (const Case& c : {
           Case{ChangeBody("wrong", "my own secret", "my own secret"),
                "Mật khẩu hiện tại không đúng.", "current"},
           Case{ChangeBody("set by the admin", "my own secret", "my own secreT"),
                "Hai lần nhập mật khẩu mới không giống nhau.", "confirm"},
           Case{ChangeBody("set by the admin", "set by the admin", "set by the admin"),
                "Hãy chọn mật khẩu mới khác, theo quy tắc bên dưới. (the new password must "
                "differ from the current one)",
                "password"},
           Case{ChangeBody("set by the admin", "short", "short"),
                "Hãy chọn mật khẩu mới khác, theo quy tắc bên dưới. (password must be at least 8 "
                "characters long)",
                "password"},
       }) {
    auto refused = Form("/account/password", r, c.body);
    EXPECT_EQ(refused.status, 400) << c.message;
    EXPECT_TRUE(Contains(refused.body, c.message)) << refused.body;
    EXPECT_TRUE(Contains(refused.body, "id=\"" + c.field + "\" name=\"" + c.field + "\""));
    EXPECT_TRUE(Contains(refused.body, "aria-invalid=\"true\"")) << c.field;
  }
  EXPECT_EQ(Counts(), before);
  EXPECT_EQ(store_->GetUserByUsername("reviewer")->password_hash, hash);
  EXPECT_TRUE(store_->GetUserByUsername("reviewer")->must_change_password);

  // The change: this session goes on, the other one ends.
  auto changed = Form("/account/password", r,
                      ChangeBody("set by the admin", "my own secret", "my own secret"));
  ASSERT_EQ(changed.status, 303) << changed.body;
  EXPECT_EQ(changed.Header("location"), "/account/password?done=1");
  EXPECT_TRUE(Contains(Get("/account/password?done=1", r).body, "Đã đổi mật khẩu."));
  EXPECT_FALSE(store_->GetUserByUsername("reviewer")->must_change_password);
  EXPECT_EQ(Get("/review", r).status, 200);
  EXPECT_FALSE(Json(Call("GET", "/api/v1/me", elsewhere)).value("authenticated", true));
  EXPECT_FALSE(accounts_->Login("reviewer", "set by the admin", "127.0.0.9").ok());
  EXPECT_TRUE(accounts_->Login("reviewer", "my own secret", "127.0.0.9").ok());
}

TEST_P(AccountPasswordTest, TheApiChangesItTooAndApiKeysHaveNone) {
  ResetByAdmin("officer", "set by the admin");
  const Caller o = Login("officer", "set by the admin");
  EXPECT_EQ(Call("GET", "/api/v1/products", o).status, 403);
  auto wrong =
      Call("POST", "/api/v1/me/password", o, R"({"current": "nope", "password": "officer's own"})");
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(Json(wrong).value("detail", ""), "the current password is not right");
  auto missing = Call("POST", "/api/v1/me/password", o, R"({"current": "set by the admin"})");
  EXPECT_EQ(missing.status, 400);
  auto ok = Call("POST", "/api/v1/me/password", o,
                 R"({"current": "set by the admin", "password": "officer's own"})");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_TRUE(Json(ok).value("passwordChanged", false));
  EXPECT_EQ(Call("GET", "/api/v1/products", o).status, 200);
  EXPECT_FALSE(Json(Call("GET", "/api/v1/me", o)).value("mustChangePassword", true));

  // An API key has no password.
  auto key = accounts_->CreateApiKey(org_a_, "erp", Actor::System("system:test"));
  ASSERT_TRUE(key.ok());
  Caller erp;
  erp.bearer = key->token;
  auto keyed = Call("POST", "/api/v1/me/password", erp,
                    R"({"current": "x", "password": "something long"})");
  EXPECT_EQ(keyed.status, 403);
  EXPECT_EQ(Json(keyed).value("detail", ""), "an API key has no password to change");

  // A user who chose their own password is not sent anywhere.
  const Caller producer = Login("producer_a");
  EXPECT_EQ(Get("/dashboard", producer).status, 200);
  EXPECT_EQ(Get("/account/password", producer).status, 200);
  EXPECT_FALSE(Contains(Get("/account/password", producer).body, "quản trị hệ thống đặt"));
  // Visitors sign in first.
  auto visitor = client_->Get("/account/password");
  EXPECT_EQ(visitor.status, 303);
  EXPECT_EQ(visitor.Header("location"), "/login?next=%2Faccount%2Fpassword");
}

TXNG_INSTANTIATE_BACKENDS(AccountPasswordTest);

}  // namespace
}  // namespace txng
