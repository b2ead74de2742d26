// Result<T>: a T or the Status that says why there is none.
//
// GCC 12 has no std::expected in C++20, so this is a small stand-in shaped
// like absl::StatusOr<T>.
//
// Example:
//   Result<RulePack> pack = RulePack::Load("corpora/rules/en");
//   if (!pack.ok()) return pack.status();
//   Use(*pack);
//
//   NM_ASSIGN_OR_RETURN(RulePack pack, RulePack::Load(dir));
//
// Accessing the value of a failed Result is a bug; it aborts.
#ifndef NEWSMINE_BASE_RESULT_H_
#define NEWSMINE_BASE_RESULT_H_

#include <cstdlib>
#include <optional>
#include <utility>

#include "base/status.h"

namespace newsmine {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    if (status_.ok()) status_ = InternalError("Result built from OK status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & { Check(); return *value_; }
  const T& value() const& { Check(); return *value_; }
  T&& value() && { Check(); return std::move(*value_); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  void Check() const {
    if (!value_) std::abort();
  }
  std::optional<T> value_;
  Status status_;
};

#define NM_CONCAT_INNER_(a, b) a##b
#define NM_CONCAT_(a, b) NM_CONCAT_INNER_(a, b)
#define NM_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(tmp).value()
#define NM_ASSIGN_OR_RETURN(lhs, expr) \
  NM_ASSIGN_OR_RETURN_IMPL_(NM_CONCAT_(nm_result_, __LINE__), lhs, expr)

}  // namespace newsmine

#endif  // NEWSMINE_BASE_RESULT_H_
