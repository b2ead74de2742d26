// route (records.md "route"): movements of people between countries, from
// phrases ("from Uzbekistan to Kazakhstan", "из Узбекистана", "Өзбекстаннан
// Қазақстанға", "through Kazakhstan to Russia") and from citizen groups
// exploited in a country ("15 Chinese workers" in Kazakhstan → CN→KZ).
#include <algorithm>
#include <set>

#include "nlp/facts.h"

namespace newsmine::nlp {
namespace {

enum class Dir { kNone, kFrom, kTo, kVia, kIn };

// Words between a stop and the "from there" that goes on: "Ташкентке
// жеткізіліп, сол жерден".
constexpr int kOnwardWords = 3;

struct Mention {
  const Match* match;
  std::string code;
  Dir dir = Dir::kNone;
  bool citizen = false;  // "Kazakhstanis", "Uzbek citizens": an origin
};


bool IsLead(const Token& t) {
  static const char* kLead[] = {"the", "-", ":", "(", "namely"};
  for (const char* l : kLead) {
    if (t.text == l) return true;
  }
  return false;
}

class Router {
 public:
  Router(const Doc& doc, int32_t s, const std::string& article_exploitation, std::vector<Fact>* out)
      : doc_(doc), s_(s), out_(out), article_exploitation_(article_exploitation) {}

  void Run() {
    Collect();
    if (mentions_.empty()) return;
    Spread();
    if (!Moving() && !RescuedForeigners()) return;
    const size_t cut = ClauseCut();
    Emit(0, cut);
    if (cut < mentions_.size()) Emit(cut, mentions_.size());
  }

 private:
  // Countries of the sentence that no place name covers ("West Kazakhstan").
  void Collect() {
    auto [first, last] = doc_.SentenceTokens(s_);
    for (size_t i = first; i < last;) {
      if (const Match* p = doc_.At(i, EntryKind::kPlace)) {
        i = p->end;
        continue;
      }
      const Match* m = doc_.At(i, EntryKind::kCountry);
      if (!m) {
        ++i;
        continue;
      }
      // "Russian city" is no group of people; "Uzbek citizens" is.
      if (doc_.entry(*m).attrs.place_kind != "adjective" || PeopleAfter(m->end)) {
        mentions_.push_back(Classify(*m));
        SameStop();
      }
      i = m->end;
    }
  }

  // "through Samara in Russia", "через Самару в России": the country that
  // places a transit city is that transit, not a destination.
  void SameStop() {
    const size_t n = mentions_.size();
    if (n < 2 || mentions_[n - 1].dir != Dir::kIn) return;
    const Mention& prev = mentions_[n - 2];
    if (prev.dir == Dir::kVia && prev.code == mentions_[n - 1].code) mentions_[n - 1].dir = Dir::kVia;
  }

  // "Uzbek citizens", "Uzbek, Tajik and Kyrgyz migrants".
  bool PeopleAfter(size_t k) const {
    for (int gap = 0; gap < 8 && k < doc_.tokens.size(); ++gap) {
      if (const Match* n = doc_.At(k, EntryKind::kCountNoun)) {
        return doc_.entry(*n).attrs.type == "person_count";
      }
      const Match* g = doc_.At(k, EntryKind::kCountGap);
      if (!g) g = doc_.At(k, EntryKind::kCountry);
      if (g) {
        k = g->end;
      } else if (IsListGlue(doc_.tokens[k])) {
        ++k;
      } else {
        return false;
      }
    }
    return false;
  }

  Mention Classify(const Match& m) {
    const Attrs& a = doc_.entry(m).attrs;
    Mention x{&m, a.code};
    x.citizen = a.place_kind != "country";
    int b = m.begin;
    // "from the UAE", "from neighbouring countries — Uzbekistan": an
    // article or a dash may stand between.
    while (b > 0 && IsLead(doc_.tokens[b - 1])) --b;
    // The longest marker wins: "brought home from" (to) over "from".
    int longest = b + 1;
    const std::pair<EntryKind, Dir> kMarks[] = {{EntryKind::kRouteFrom, Dir::kFrom},
        {EntryKind::kRouteVia, Dir::kVia}, {EntryKind::kRouteIn, Dir::kIn}, {EntryKind::kRouteTo, Dir::kTo}};
    for (const auto& [kind, dir] : kMarks) {
      const Match* mark = doc_.EndingAt(b, kind);
      if (mark && mark->begin < longest) {
        longest = mark->begin;
        x.dir = dir;
      }
    }
    if (x.dir == Dir::kFrom && !x.citizen && Returned(m.begin)) x.dir = Dir::kTo;
    if (const std::string_view ending = EndingOf(m, doc_.tokens); !ending.empty()) SuffixDir(ending, &x.dir);
    // "Қырғызстанға қайтарылды", "Түркиядан қайтарылды": a return reverses
    // the case ending; people go home to where they came from.
    if (doc_.lang == Lang::kKk && doc_.At(m.end, EntryKind::kRouteReturn)) Reverse(&x.dir);
    if (x.dir == Dir::kTo && OnwardFromThere(m.end)) x.dir = Dir::kVia;
    // Kazakh puts "through" after the country: "Қазақстан арқылы Ресейге".
    if (x.dir == Dir::kNone && doc_.At(m.end, EntryKind::kRouteVia)) x.dir = Dir::kVia;
    if (x.citizen && x.dir != Dir::kVia) x.dir = Dir::kFrom;
    return x;
  }

  // "helped bring home 14 citizens held in Korea and 9 more from Russia",
  // "помогли вернуть из Турции 37 женщин, ещё 12 – из Южной Кореи": after
  // a verb of bringing people back, "from" names where they had been taken.
  bool Returned(int b) const {
    for (const Match* r : doc_.InSentence(s_, EntryKind::kRouteReturn)) {
      if (r->end <= b) return true;
    }
    return false;
  }

  // "Ташкентке жеткізіліп, сол жерден Дубайға": a stop the clause goes
  // on from ("from there") is a transit, not the destination.
  bool OnwardFromThere(int k) const {
    static const char* kThere[] = {"сол", "ол", "sol", "ol"};
    static const char* kFromThere[] = {"жерден", "jerden"};
    const int n = static_cast<int>(doc_.tokens.size());
    for (int end = std::min(n - 2, k + kOnwardWords); k < end; ++k) {
      if (doc_.tokens[k].kind == TokenKind::kPunct && doc_.tokens[k].text != ",") return false;
      if (doc_.tokens[k].text != ",") continue;
      const bool there = std::any_of(std::begin(kThere), std::end(kThere), [&](const char* w) { return doc_.tokens[k + 1].text == w; });
      return there && std::any_of(std::begin(kFromThere), std::end(kFromThere),
                                  [&](const char* w) { return doc_.tokens[k + 2].text == w; });
    }
    return false;
  }

  static void Reverse(Dir* dir) {
    if (*dir == Dir::kFrom) {
      *dir = Dir::kTo;
    } else if (*dir == Dir::kTo) {
      *dir = Dir::kFrom;
    }
  }

  // Case endings: Kazakh "-нан" from, "-ға" to, "-да" in; Russian "в
  // Турции" (locative) is in, "в Турцию" to.
  void SuffixDir(std::string_view ending, Dir* dir) {
    for (const auto& [text, d] : *doc_.route_suffixes) {
      if (ending != text) continue;
      if (d == "from") *dir = Dir::kFrom;
      if (d == "to" && (*dir == Dir::kNone || *dir == Dir::kTo)) *dir = Dir::kTo;
      if (d == "in" && (*dir == Dir::kNone || *dir == Dir::kTo)) *dir = Dir::kIn;
      return;
    }
  }

  // A list takes the direction of its marked member: "from Uzbekistan,
  // Tajikistan and Kyrgyzstan"; Kazakh marks the last: "Өзбекстан,
  // Тәжікстан және Қырғызстаннан".
  void Spread() {
    for (size_t i = 1; i < mentions_.size(); ++i) {
      if (mentions_[i].dir == Dir::kNone && Listed(i - 1, i)) mentions_[i].dir = mentions_[i - 1].dir;
    }
    for (size_t i = mentions_.size() - 1; i-- > 0;) {
      if (mentions_[i].dir == Dir::kNone && Listed(i, i + 1)) mentions_[i].dir = mentions_[i + 1].dir;
    }
  }

  // Two countries side by side ("тәжікстандықты Ресейдің") are no list:
  // a comma or a conjunction must join them.
  bool Listed(size_t a, size_t b) const {
    const int from = mentions_[a].match->end, to = mentions_[b].match->begin;
    if (from >= to) return false;
    for (int k = from; k < to; ++k) {
      if (!IsListGlue(doc_.tokens[k])) return false;
    }
    return true;
  }

  // "Kazakhs were taken to the UAE, while Uzbeks were brought to
  // Kazakhstan": a contrast between two clauses that each name a
  // destination splits them, so no origin of one pairs with the other's
  // destination. Returns the first mention of the second clause, or the
  // number of mentions when the sentence is one clause.
  size_t ClauseCut() const {
    for (size_t i = 1; i < mentions_.size(); ++i) {
      if (!Contrast(mentions_[i - 1].match->end, mentions_[i].match->begin)) continue;
      if (HasDestination(0, i) && HasDestination(i, mentions_.size())) return i;
    }
    return mentions_.size();
  }

  bool Contrast(int b, int e) const {
    static const char* kContrast[] = {"while", "whereas", "but", ";", "а", "ал", "al"};
    for (int k = b; k < e; ++k) {
      for (const char* w : kContrast) {
        if (doc_.tokens[k].text == w) return true;
      }
    }
    return false;
  }

  bool HasDestination(size_t b, size_t e) const {
    for (size_t i = b; i < e; ++i) {
      if (mentions_[i].dir == Dir::kTo || mentions_[i].dir == Dir::kIn) return true;
    }
    return false;
  }

  // "Среди освобождённых – 12 граждан Узбекистана": foreigners rescued or
  // helped here were brought here, though no verb of moving says so. A
  // sentence with no role of its own goes on about the last one's people:
  // "52 адам жәбірленуші деп танылған. Олардың 20-сы – ... Өзбекстан
  // және Тәжікстан азаматтары."
  bool RescuedForeigners() const {
    if (HasDestination(0, mentions_.size())) return false;
    const std::string own = RoleOf(s_);
    if (!own.empty() || s_ == 0) return own == "victim";
    return RoleOf(s_ - 1) == "victim";
  }

  // "victim" when a victim cue is in sentence `s`, another role when only
  // that one is, empty when none.
  std::string RoleOf(int32_t s) const {
    std::string role;
    for (const Match* m : doc_.InSentence(s, EntryKind::kRoleCue)) {
      role = doc_.entry(*m).attrs.role;
      if (role == "victim") break;
    }
    return role;
  }

  bool Moving() const {
    return !doc_.InSentence(s_, EntryKind::kTopic).empty() ||
           !doc_.InSentence(s_, EntryKind::kMove).empty() ||
           !doc_.InSentence(s_, EntryKind::kExploitation).empty();
  }

  // The kind of exploitation: the one the sentence names, else the one the
  // whole article names (records.md: "only when one kind applies").
  std::string Exploitation() const {
    std::set<std::string> kinds;
    for (const Match* m : doc_.InSentence(s_, EntryKind::kExploitation)) {
      kinds.insert(doc_.entry(*m).attrs.exploitation);
    }
    if (kinds.empty()) return article_exploitation_;
    return kinds.size() == 1 ? *kinds.begin() : "";
  }

  // "Kazakhstan is a source, transit, and destination country for ... from
  // Uzbekistan ... trafficked to Russia": the hub is origin for the
  // destinations, transit between the others, destination for the origins.
  const Mention* Hub(size_t b, size_t e, std::set<std::string>* roles) const {
    for (const Match* m : doc_.InSentence(s_, EntryKind::kRouteRole)) roles->insert(doc_.entry(*m).attrs.dir);
    if (roles->empty()) return nullptr;
    for (size_t i = b; i < e; ++i) {
      if (mentions_[i].dir == Dir::kNone && !mentions_[i].citizen) return &mentions_[i];
    }
    return nullptr;
  }

  // The routes of mentions [b, e): one clause, or the whole sentence.
  void Emit(size_t b, size_t e) {
    std::vector<const Mention*> from, to, in;
    std::vector<std::string> via;
    for (size_t i = b; i < e; ++i) {
      const Mention& m = mentions_[i];
      if (m.dir == Dir::kFrom) from.push_back(&m);
      if (m.dir == Dir::kTo) to.push_back(&m);
      if (m.dir == Dir::kIn) in.push_back(&m);
      if (m.dir == Dir::kVia && std::find(via.begin(), via.end(), m.code) == via.end()) via.push_back(m.code);
    }
    // A group exploited in a country went there; after "bring home" both
    // "in Korea" and "from Russia" are where people had been.
    if (to.empty() || !doc_.InSentence(s_, EntryKind::kRouteReturn).empty()) to.insert(to.end(), in.begin(), in.end());
    const std::string exploitation = Exploitation();
    std::set<std::string> roles;
    if (const Mention* hub = Hub(b, e, &roles)) {
      if (roles.count("via")) via.push_back(hub->code);
      for (const Mention* t : to) {
        if (roles.count("from")) Add(*t, hub->code, t->code, {}, exploitation);
      }
      for (const Mention* f : from) {
        if (roles.count("to")) Add(*f, f->code, hub->code, {}, exploitation);
      }
      // "a destination for ... from Uzbekistan, and a source for ... in
      // Turkey": only a transit hub joins the origins to the destinations.
      if (!roles.count("via") || from.empty() || to.empty()) return;
    }
    if (to.empty() && !from.empty()) {
      // Victims from abroad found here: Kazakhstan is the destination,
      // unless they were only passing through ("moved through Kazakhstan").
      if (std::find(via.begin(), via.end(), "KZ") != via.end()) return;
      for (const Mention* f : from) {
        if (f->code != "KZ") Add(*f, f->code, "KZ", via, exploitation);
      }
      return;
    }
    // "через Казахстан отправили в Турцию": Kazakhstan the transit is no
    // origin, and no other is named.
    const bool via_kz = std::find(via.begin(), via.end(), "KZ") != via.end();
    for (const Mention* t : to) {
      if (from.empty()) {
        if (t->code != "KZ" && !via_kz) Add(*t, "KZ", t->code, via, exploitation);
        continue;
      }
      for (const Mention* f : from) {
        if (f->code != t->code) Add(*t, f->code, t->code, via, exploitation);
      }
    }
  }

  void Add(const Mention& at, const std::string& from, const std::string& to,
           std::vector<std::string> via, const std::string& exploitation) {
    via.erase(std::remove_if(via.begin(), via.end(), [&](const std::string& v) { return v == from || v == to; }), via.end());
    Fact f = doc_.MakeFact(FactType::kRoute, at.match->begin, at.match->end, doc_.entry(*at.match).id);
    f.from = from;
    f.to = to;
    f.via = std::move(via);
    f.exploitation = exploitation;
    out_->push_back(std::move(f));
  }

  const Doc& doc_;
  int32_t s_;
  std::vector<Fact>* out_;
  const std::string& article_exploitation_;
  std::vector<Mention> mentions_;
};

}  // namespace

void ExtractRoutes(const Doc& doc, std::vector<Fact>* out) {
  if (!doc.on_topic) return;
  std::set<std::string> kinds;
  for (const Match* m : doc.ByKind(EntryKind::kExploitation)) {
    kinds.insert(doc.entry(*m).attrs.exploitation);
  }
  const std::string article = kinds.size() == 1 ? *kinds.begin() : "";
  for (int32_t s = 0; s < static_cast<int32_t>(doc.sentences.size()); ++s) {
    Router(doc, s, article, out).Run();
  }
}

}  // namespace newsmine::nlp
