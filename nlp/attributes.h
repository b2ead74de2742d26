// Attributes a count or age takes from its sentence: period, region, scope,
// role, qualifier (internal to nlp). records.md: "Attributes come from the
// fact's own sentence". Where several candidates stand in the sentence the
// nearest to the fact wins.
#ifndef NEWSMINE_NLP_ATTRIBUTES_H_
#define NEWSMINE_NLP_ATTRIBUTES_H_

#include <optional>
#include <string>

#include "base/record.h"
#include "nlp/doc.h"

namespace newsmine::nlp {

// The `relative` of a period that is "the same period last year": the
// caller knows the period it repeats (counts.cc).
inline constexpr char kSameLastYear[] = "same_last_year";

// Token distance from [b, e) to [mb, me), plus a toll for each clause mark
// (comma, semicolon, bracket) between them.
int ClauseDistance(const Doc& doc, int b, int e, int mb, int me);

// The period of the nearest period phrase in sentence `s` to tokens [b, e),
// resolved against the article's publication date.
std::optional<Period> PeriodNear(const Doc& doc, int32_t s, int b, int e);

// Resolves one period phrase. Empty when it cannot be (a "year" that is no
// year, a quarter with no year known).
std::optional<Period> ResolvePeriod(const Doc& doc, const Match& m, int32_t s);

// ISO 3166-2:KZ code of the nearest place in sentence `s`, or "".
std::string RegionNear(const Doc& doc, int32_t s, int b, int e);

// The nearest scope cue in sentence `s`, or "".
std::string ScopeNear(const Doc& doc, int32_t s, int b, int e);

// The role of the nearest role cue (or counted noun with a role) in
// sentence `s`, or "". Cues beyond `max_distance` tokens are ignored;
// with `after_only`, so are cues before the count (Kazakh puts the verb of
// an object after it, and its subject before).
std::string RoleNear(const Doc& doc, int32_t s, int b, int e, int max_distance, bool after_only = false);

// The qualifier written before token b ("more than 20") or after the
// number ending at e ("20-дан астам"); "exact" when none.
std::string QualifierOf(const Doc& doc, int b, int e, int* new_begin, int* new_end);

}  // namespace newsmine::nlp

#endif  // NEWSMINE_NLP_ATTRIBUTES_H_
