// region (records.md "region"): every mention of a place in Kazakhstan,
// coded by the first-level unit it lies in today.
#include "base/text.h"
#include "nlp/facts.h"

namespace newsmine::nlp {
namespace {


// "in the Aktobe, Almaty, Jambyl regions": a bare city name in a list that
// ends in a plural region word means the region (records.md conventions).
bool InRegionList(const Doc& doc, const Match& m) {
  const int32_t s = doc.tokens[m.begin].sentence;
  size_t k = m.end;
  while (k < doc.tokens.size() && doc.tokens[k].sentence == s) {
    if (const Match* w = doc.At(k, EntryKind::kRegionWord)) return doc.entry(*w).attrs.plural;
    if (const Match* p = doc.At(k, EntryKind::kPlace)) {
      // "Jambyl regions" may be one place name ending in the region word.
      if (const Match* w = doc.At(p->end - 1, EntryKind::kRegionWord)) return doc.entry(*w).attrs.plural;
      k = p->end;
    } else if (IsListGlue(doc.tokens[k])) {
      ++k;
    } else {
      return false;
    }
  }
  return false;
}

}  // namespace

void ExtractRegions(const Doc& doc, std::vector<Fact>* out) {
  int next = 0;  // place names do not overlap: the longest at a start wins
  for (const Match* m : doc.ByKind(EntryKind::kPlace)) {
    if (m->begin < next) continue;
    const Entry& e = doc.entry(*m);
    // "the Abai and Jetisu regions": "Abai" alone is a poet, a street, a
    // district; only a list of regions makes it the region.
    if (e.attrs.place_kind == "list" && !InRegionList(doc, *m)) continue;
    Fact f = doc.MakeFact(FactType::kRegion, m->begin, m->end, e.id);
    f.code = e.attrs.code;
    if (!e.attrs.alt.empty() && InRegionList(doc, *m)) f.code = e.attrs.alt;
    f.name = doc.lex->unit_names.at(f.code);
    if (e.attrs.place_kind == "place") {
      f.place = EncodeUtf8(std::u32string_view(doc.text).substr(f.span.begin, f.span.end - f.span.begin));
    }
    out->push_back(std::move(f));
    next = m->end;
  }
}

}  // namespace newsmine::nlp
