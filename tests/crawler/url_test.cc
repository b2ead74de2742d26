#include "crawler/url.h"

#include <gtest/gtest.h>

namespace newsmine::crawler {
namespace {

struct Case {
  const char* name;
  const char* in;
  const char* want;  // nullptr: rejected
};

// records.md `canonical_url` rules, then RFC 3986 §6.2.2 syntax rules.
const Case kNormalize[] = {
    {"Records_LowercaseSchemeAndHost", "HTTPS://Orda.KZ/News/1", "https://orda.kz/News/1"},
    {"Records_NoFragment", "https://orda.kz/a#comments", "https://orda.kz/a"},
    {"Records_NoDefaultPortHttps", "https://orda.kz:443/a", "https://orda.kz/a"},
    {"Records_NoDefaultPortHttp", "http://orda.kz:80/a", "http://orda.kz/a"},
    {"Records_OtherPortKept", "http://127.0.0.1:8080/a", "http://127.0.0.1:8080/a"},
    {"Records_UtmDropped", "https://a.kz/x?utm_source=fb&id=3&utm_medium=social", "https://a.kz/x?id=3"},
    {"Records_FbclidGclidDropped", "https://a.kz/x?fbclid=AbC&gclid=9", "https://a.kz/x"},
    {"Records_TrackingCaseInsensitive", "https://a.kz/x?UTM_Campaign=z&p=2", "https://a.kz/x?p=2"},
    {"Records_LookalikeKept", "https://a.kz/x?utmost=1", "https://a.kz/x?utmost=1"},
    {"Crawler_IndexHtmlIsSlash", "https://a.kz/index.html", "https://a.kz/"},
    {"Crawler_DirIndexHtml", "https://a.kz/news/index.html?p=2", "https://a.kz/news/?p=2"},
    {"Crawler_IndexHtmlOnlyAsSegment", "https://a.kz/myindex.html", "https://a.kz/myindex.html"},
    {"Rfc3986_EmptyPathIsSlash", "https://a.kz", "https://a.kz/"},
    {"Rfc3986_DotSegments", "https://a.kz/a/b/../c/./d", "https://a.kz/a/c/d"},
    {"Rfc3986_DotSegmentsAboveRoot", "https://a.kz/../../x", "https://a.kz/x"},
    {"Rfc3986_EscapesUppercase", "https://a.kz/%d0%b0", "https://a.kz/%D0%B0"},
    {"Rfc3986_UnreservedUnescaped", "https://a.kz/%7Euser/%41", "https://a.kz/~user/A"},
    {"Rfc3986_RawUtf8Escaped", "https://a.kz/новости", "https://a.kz/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8"},
    {"Rfc3986_SpaceEscaped", "https://a.kz/a b", "https://a.kz/a%20b"},
    {"Rfc3986_StrayPercent", "https://a.kz/100%", "https://a.kz/100%25"},
    {"Rfc3986_ReservedEscapeKept", "https://a.kz/a%2Fb", "https://a.kz/a%2Fb"},
    {"Rfc3986_EmptyQueryDropped", "https://a.kz/a?", "https://a.kz/a"},
    {"Host_TrailingDot", "https://a.kz./x", "https://a.kz/x"},
    {"Host_Idn", "https://Қазақстан.kz/", "https://xn--80aaa0a6awh12ed.kz/"},
    {"Host_Ipv6", "http://[::1]:8080/", "http://[::1]:8080/"},
    {"Host_UserinfoDropped", "https://user:pw@a.kz/", "https://a.kz/"},
    {"Whatwg_TabsAndSpacesTrimmed", "  https://a.kz/a\n/b\t ", "https://a.kz/a/b"},
    {"Reject_Mailto", "mailto:x@a.kz", nullptr},
    {"Reject_Javascript", "javascript:void(0)", nullptr},
    {"Reject_Ftp", "ftp://a.kz/", nullptr},
    {"Reject_Relative", "/news/1", nullptr},
    {"Reject_EmptyHost", "https:///x", nullptr},
    {"Reject_BadPort", "https://a.kz:99999/", nullptr},
    {"Reject_PortLetters", "https://a.kz:8o/", nullptr},
    {"Reject_BadHostChar", "https://a<b.kz/", nullptr},
};

TEST(Url, NormalizeTable) {
  for (const Case& c : kNormalize) {
    std::optional<std::string> got = NormalizeUrl(c.in);
    if (c.want == nullptr) {
      EXPECT_FALSE(got.has_value()) << c.name << ": " << *got;
    } else {
      ASSERT_TRUE(got.has_value()) << c.name;
      EXPECT_EQ(*got, c.want) << c.name;
    }
  }
}

TEST(Url, NormalizeIsIdempotent) {
  for (const Case& c : kNormalize) {
    if (!c.want) continue;
    EXPECT_EQ(NormalizeUrl(c.want).value_or("?"), c.want) << c.name;
  }
}

struct ResolveCase {
  const char* name;
  const char* base;
  const char* ref;
  const char* want;
};

// RFC 3986 §5.4 examples (base "http://a/b/c/d;p?q"), then what real hrefs do.
const ResolveCase kResolve[] = {
    {"Rfc3986_5_4_1_Sibling", "http://a/b/c/d;p?q", "g", "http://a/b/c/g"},
    {"Rfc3986_5_4_1_DotSlash", "http://a/b/c/d;p?q", "./g", "http://a/b/c/g"},
    {"Rfc3986_5_4_1_TrailingSlash", "http://a/b/c/d;p?q", "g/", "http://a/b/c/g/"},
    {"Rfc3986_5_4_1_Absolute", "http://a/b/c/d;p?q", "/g", "http://a/g"},
    {"Rfc3986_5_4_1_NetworkPath", "http://a/b/c/d;p?q", "//g", "http://g/"},
    {"Rfc3986_5_4_1_QueryOnly", "http://a/b/c/d;p?q", "?y", "http://a/b/c/d;p?y"},
    {"Rfc3986_5_4_1_PathQuery", "http://a/b/c/d;p?q", "g?y", "http://a/b/c/g?y"},
    {"Rfc3986_5_4_1_FragmentOnly", "http://a/b/c/d;p?q", "#s", "http://a/b/c/d;p?q"},
    {"Rfc3986_5_4_1_Empty", "http://a/b/c/d;p?q", "", "http://a/b/c/d;p?q"},
    {"Rfc3986_5_4_1_Dot", "http://a/b/c/d;p?q", ".", "http://a/b/c/"},
    {"Rfc3986_5_4_1_DotDot", "http://a/b/c/d;p?q", "..", "http://a/b/"},
    {"Rfc3986_5_4_1_DotDotG", "http://a/b/c/d;p?q", "../../g", "http://a/g"},
    {"Rfc3986_5_4_2_AboveRoot", "http://a/b/c/d;p?q", "../../../../g", "http://a/g"},
    {"Rfc3986_5_4_2_SameSchemeRelative", "http://a/b/c/d;p?q", "http:g", "http://a/b/c/g"},
    {"Rfc3986_5_4_2_G_Dot", "http://a/b/c/d;p?q", "g.", "http://a/b/c/g."},
    {"Href_OtherScheme", "https://a.kz/x", "http://b.kz/y", "http://b.kz/y"},
    {"Href_SchemeRelative", "https://a.kz/x", "//cdn.a.kz/i", "https://cdn.a.kz/i"},
    {"Href_Backslashes", "https://a.kz/x/y", "\\news\\1", "https://a.kz/news/1"},
    {"Href_TrackingDropped", "https://a.kz/", "/n/1?utm_source=x", "https://a.kz/n/1"},
    {"Href_Mailto", "https://a.kz/", "mailto:a@b.kz", nullptr},
    {"Href_Javascript", "https://a.kz/", "javascript:alert(1)", nullptr},
    {"Href_Tel", "https://a.kz/", "tel:+77001234567", nullptr},
};

TEST(Url, ResolveTable) {
  for (const ResolveCase& c : kResolve) {
    std::optional<std::string> got = ResolveUrl(c.base, c.ref);
    if (c.want == nullptr) {
      EXPECT_FALSE(got.has_value()) << c.name << ": " << *got;
    } else {
      EXPECT_EQ(got.value_or("<none>"), c.want) << c.name;
    }
  }
}

TEST(Url, PartsOfParsedUrl) {
  std::optional<Url> u = ParseUrl("https://A.kz:8443/p/q?x=1#f");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->scheme, "https");
  EXPECT_EQ(u->host, "a.kz");
  EXPECT_EQ(u->port, 8443);
  EXPECT_EQ(u->Origin(), "https://a.kz:8443");
  EXPECT_EQ(u->PathAndQuery(), "/p/q?x=1");
}

}  // namespace
}  // namespace newsmine::crawler
