#include "http/problem.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/request_context.h"

namespace txng::http {
namespace {

TEST(Problem, StatusCodesMapToHttp) {
  EXPECT_EQ(HttpStatusFor(StatusCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatusFor(StatusCode::kUnauthenticated), 401);
  EXPECT_EQ(HttpStatusFor(StatusCode::kPermissionDenied), 403);
  EXPECT_EQ(HttpStatusFor(StatusCode::kNotFound), 404);
  EXPECT_EQ(HttpStatusFor(StatusCode::kAlreadyExists), 409);
  EXPECT_EQ(HttpStatusFor(StatusCode::kFailedPrecondition), 409);
  EXPECT_EQ(HttpStatusFor(StatusCode::kPayloadTooLarge), 413);
  EXPECT_EQ(HttpStatusFor(StatusCode::kResourceExhausted), 429);
  EXPECT_EQ(HttpStatusFor(StatusCode::kUnavailable), 503);
  EXPECT_EQ(HttpStatusFor(StatusCode::kUnimplemented), 501);
  EXPECT_EQ(HttpStatusFor(StatusCode::kInternal), 500);
}

TEST(Problem, RendersRfc7807Document) {
  Response r = ProblemResponse(Status::InvalidArgument("must be 14 digits, got \"12\"", "/gtin"),
                               "/api/v1/products");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.content_type, "application/problem+json");
  nlohmann::json p = nlohmann::json::parse(r.body);
  EXPECT_EQ(p, nlohmann::json({{"type", "urn:txng:problem:invalid_argument"},
                               {"title", "Invalid request"},
                               {"status", 400},
                               {"detail", "must be 14 digits, got \"12\""},
                               {"instance", "/api/v1/products"},
                               {"field", "/gtin"}}));
}

TEST(Problem, OmitsEmptyField) {
  nlohmann::json p =
      nlohmann::json::parse(ProblemResponse(Status::NotFound("no lot L1"), "/lots/L1").body);
  EXPECT_FALSE(p.contains("field"));
  EXPECT_EQ(p["type"], "urn:txng:problem:not_found");
  EXPECT_EQ(p["detail"], "no lot L1");
}

TEST(Problem, EscapesControlCharactersAndKeepsUtf8) {
  Response r = ProblemResponse(Status::InvalidArgument("tên\nsai\x01"), "/x");
  EXPECT_NE(r.body.find("t\xC3\xAAn\\nsai\\u0001"), std::string::npos) << r.body;
  EXPECT_EQ(nlohmann::json::parse(r.body)["detail"], "tên\nsai\x01");
}

TEST(Problem, InternalErrorsHideTheirDetail) {
  Response r = ProblemResponse(Status::Internal("SQLITE_CORRUPT in /var/db"), "/x");
  EXPECT_EQ(r.status, 500);
  nlohmann::json p = nlohmann::json::parse(r.body);
  EXPECT_EQ(p["detail"], "internal error; see the server log");
  EXPECT_EQ(r.body.find("SQLITE"), std::string::npos);

  ScopedRequestId scope("req-42");
  EXPECT_EQ(nlohmann::json::parse(ProblemResponse(Status::Internal("x"), "/x").body)["detail"],
            "internal error; see the server log (request id req-42)");
}

TEST(Problem, AuthenticationAndRateLimitHeaders) {
  Response unauth = ProblemResponse(Status::Unauthenticated("log in"), "/x");
  EXPECT_EQ(unauth.status, 401);
  ASSERT_EQ(unauth.headers.size(), 1u);
  EXPECT_EQ(unauth.headers[0].first, "WWW-Authenticate");
  EXPECT_EQ(unauth.headers[0].second, "Bearer realm=\"txng\"");
  Response limited = ProblemResponse(Status::ResourceExhausted("slow down"), "/x");
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.headers,
            (std::vector<std::pair<std::string, std::string>>{{"Retry-After", "60"}}));
}

TEST(Problem, RenderProblemForProtocolErrors) {
  Problem p;
  p.status = 405;
  p.type_name = "method_not_allowed";
  p.title = "Method not allowed";
  p.detail = "use GET";
  p.instance = "/a";
  Response r = RenderProblem(p);
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.body, R"({"type":"urn:txng:problem:method_not_allowed","title":"Method not allowed",)"
                    R"("status":405,"detail":"use GET","instance":"/a"})");
}

TEST(RequestContext, ScopesNest) {
  EXPECT_EQ(CurrentRequestId(), "");
  {
    ScopedRequestId outer("a");
    {
      ScopedRequestId inner("b");
      EXPECT_EQ(CurrentRequestId(), "b");
    }
    EXPECT_EQ(CurrentRequestId(), "a");
  }
  EXPECT_EQ(CurrentRequestId(), "");
}

}  // namespace
}  // namespace txng::http
