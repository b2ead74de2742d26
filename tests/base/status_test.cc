#include "base/status.h"

#include <gtest/gtest.h>

#include "base/result.h"

namespace newsmine {
namespace {

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(StatusTest, ErrorCarriesCodeAndMessage) {
  Status s = DataLossError("feeds.warc.gz: record 318: truncated");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_EQ(s.ToString(), "data loss: feeds.warc.gz: record 318: truncated");
}

TEST(StatusTest, WithContextNamesTheInput) {
  Status s = InvalidArgumentError("bad line").WithContext("rules/en/counts.toml:3");
  EXPECT_EQ(s.message(), "rules/en/counts.toml:3: bad line");
  EXPECT_TRUE(Status::Ok().WithContext("x").ok());
}

Result<int> Half(int x) {
  if (x % 2) return InvalidArgumentError("odd");
  return x / 2;
}

Status UseHalf(int x, int* out) {
  NM_ASSIGN_OR_RETURN(*out, Half(x));
  return Status::Ok();
}

TEST(ResultTest, ValueOrStatus) {
  EXPECT_EQ(*Half(8), 4);
  EXPECT_FALSE(Half(3).ok());
  EXPECT_EQ(Half(3).status().message(), "odd");
}

TEST(ResultTest, AssignOrReturnPropagates) {
  int v = 0;
  EXPECT_TRUE(UseHalf(10, &v).ok());
  EXPECT_EQ(v, 5);
  EXPECT_EQ(UseHalf(7, &v).message(), "odd");
}

TEST(ResultTest, OkStatusIsNotAValue) {
  Result<int> r{Status::Ok()};
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace newsmine
