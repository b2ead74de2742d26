// The fact rules, one function per fact type (internal to nlp). Each reads
// the analysed Doc and appends the facts it finds; Analyzer runs them all
// and sorts the facts into text order.
#ifndef NEWSMINE_NLP_FACTS_H_
#define NEWSMINE_NLP_FACTS_H_

#include <vector>

#include "base/record.h"
#include "nlp/doc.h"

namespace newsmine::nlp {

void ExtractCounts(const Doc& doc, std::vector<Fact>* out);   // counts.cc
void ExtractAges(const Doc& doc, std::vector<Fact>* out);     // ages.cc
void ExtractRegions(const Doc& doc, std::vector<Fact>* out);  // regions.cc
void ExtractRoutes(const Doc& doc, std::vector<Fact>* out);   // routes.cc
void ExtractAmounts(const Doc& doc, std::vector<Fact>* out);  // amounts.cc: penalty, money

// The number that closes a range opened by numbers[i] ("10–15", "from 10
// to 15", "от 10 до 15", "10-нан 15-ке дейін"), or -1.
int RangeEnd(const Doc& doc, int i);

// True when numbers[i] is no count whatever follows: a year, a date, an
// article of a code, a list number, a percentage, a decimal.
bool IsBlocked(const Doc& doc, int i);

// True when token k is a word written with a capital letter.
bool IsCapitalized(const Doc& doc, size_t k);

// True when numbers[i] is an age set off by commas after a name: "Yerlan,
// 37, left his village", "said Sultan Ismailov, 52," (no count; ages.cc
// decides whose).
bool IsAppositiveAge(const Doc& doc, int i);

}  // namespace newsmine::nlp

#endif  // NEWSMINE_NLP_FACTS_H_
