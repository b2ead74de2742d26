#include "base/clock.h"
#include "crawler/fetcher.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <mutex>
#include <thread>

namespace newsmine::crawler {
namespace {


// One transfer: its easy handle and what it has received so far.
struct Transfer {
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  FetchResult result;
  size_t max_body = 0;
  bool truncate = false;
  bool too_large = false;
  std::chrono::steady_clock::time_point started;
};

size_t OnBody(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t bytes = size * n;
  if (t->result.body.size() + bytes > t->max_body) {
    if (t->truncate) {
      t->result.body.append(data, t->max_body - t->result.body.size());
      t->result.truncated = true;
    } else {
      t->too_large = true;
    }
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  t->result.body.append(data, bytes);
  return bytes;
}

size_t OnHeader(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::string_view line(data, size * n);
  // A new status line starts a new head: "100 Continue" and other 1xx
  // interim responses are not what is stored.
  if (line.starts_with("HTTP/")) t->result.response_head.clear();
  if (t->result.response_head.size() < (size_t{1} << 20)) t->result.response_head.append(line);
  return size * n;
}

int OnDebug(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  if (type == CURLINFO_HEADER_OUT) static_cast<Transfer*>(user)->result.request_head.append(data, size);
  return 0;
}

FetchError MapError(CURLcode code, bool too_large) {
  if (too_large) return FetchError::kTooLarge;
  switch (code) {
    case CURLE_OK: return FetchError::kNone;
    case CURLE_COULDNT_RESOLVE_HOST: return FetchError::kDns;
    case CURLE_COULDNT_CONNECT: return FetchError::kConnect;
    case CURLE_OPERATION_TIMEDOUT: return FetchError::kTimeout;
    case CURLE_FILESIZE_EXCEEDED: return FetchError::kTooLarge;
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return FetchError::kReset;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
      return FetchError::kTls;
    default: return FetchError::kOther;
  }
}

std::string Header(CURL* easy, const char* name) {
  curl_header* h = nullptr;
  if (curl_easy_header(easy, name, 0, CURLH_HEADER, -1, &h) != CURLHE_OK || !h) return {};
  return h->value;
}

}  // namespace

const char* FetchErrorName(FetchError e) {
  switch (e) {
    case FetchError::kNone: return "none";
    case FetchError::kDns: return "dns";
    case FetchError::kConnect: return "connect";
    case FetchError::kTimeout: return "timeout";
    case FetchError::kTooLarge: return "too-large";
    case FetchError::kReset: return "reset";
    case FetchError::kTls: return "tls";
    case FetchError::kOther: return "other";
  }
  return "other";
}

struct Fetcher::Impl {
  FetcherOptions o;
  CURLM* multi = nullptr;
  std::vector<std::unique_ptr<Transfer>> active;
  std::vector<CURL*> idle;  // easy handles kept for reuse

  ~Impl() {
    for (auto& t : active) {
      curl_multi_remove_handle(multi, t->easy);
      curl_slist_free_all(t->headers);
      curl_easy_cleanup(t->easy);
    }
    for (CURL* e : idle) curl_easy_cleanup(e);
    if (multi) curl_multi_cleanup(multi);
  }

  void Configure(Transfer* t, const FetchRequest& r) {
    CURL* e = t->easy;
    curl_easy_setopt(e, CURLOPT_URL, r.url.c_str());
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    // libcurl copies string options: the request may go away before the transfer ends.
    curl_easy_setopt(e, CURLOPT_USERAGENT, (r.user_agent.empty() ? o.user_agent : r.user_agent).c_str());
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every coding this libcurl can undo
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS);
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.connect_timeout.count()));
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(o.total_timeout.count()));
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, static_cast<long>(o.low_speed_bytes));
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, static_cast<long>(o.low_speed_time.count()));
    // Bodies announced as too large are refused before they are read.
    if (!t->truncate) curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(t->max_body));
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, OnBody);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, OnHeader);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
    // The request head, exactly as sent, for the WARC request record.
    curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, OnDebug);
    curl_easy_setopt(e, CURLOPT_DEBUGDATA, t);
    curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);
    curl_easy_setopt(e, CURLOPT_PRIVATE, t);
    if (!r.if_none_match.empty())
      t->headers = curl_slist_append(t->headers, ("If-None-Match: " + r.if_none_match).c_str());
    if (!r.if_modified_since.empty())
      t->headers = curl_slist_append(t->headers, ("If-Modified-Since: " + r.if_modified_since).c_str());
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
  }

  void Finish(Transfer* t, CURLcode code, std::vector<FetchResult>* done) {
    FetchResult& r = t->result;
    CURL* e = t->easy;
    long status = 0;
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
    r.error = r.truncated && code == CURLE_WRITE_ERROR ? FetchError::kNone : MapError(code, t->too_large);
    r.status = r.error == FetchError::kNone ? static_cast<int>(status) : 0;
    if (r.error != FetchError::kNone) {
      r.error_text = t->too_large ? "body larger than " + std::to_string(t->max_body) + " bytes" : curl_easy_strerror(code);
    }
    char* s = nullptr;
    if (curl_easy_getinfo(e, CURLINFO_PRIMARY_IP, &s) == CURLE_OK && s) r.ip = s;
    if (curl_easy_getinfo(e, CURLINFO_REDIRECT_URL, &s) == CURLE_OK && s) r.location = s;
    if (curl_easy_getinfo(e, CURLINFO_CONTENT_TYPE, &s) == CURLE_OK && s) r.content_type = s;
    curl_off_t retry = 0;
    if (curl_easy_getinfo(e, CURLINFO_RETRY_AFTER, &retry) == CURLE_OK && retry > 0)
      r.retry_after = std::chrono::seconds(retry);
    r.etag = Header(e, "ETag");
    r.last_modified = Header(e, "Last-Modified");
    r.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t->started);
    done->push_back(std::move(r));
    curl_multi_remove_handle(multi, e);
    curl_slist_free_all(t->headers);
    curl_easy_reset(e);
    idle.push_back(e);
  }
};

Fetcher::Fetcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Fetcher::~Fetcher() = default;

Result<std::unique_ptr<Fetcher>> Fetcher::Create(const FetcherOptions& o) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  auto impl = std::make_unique<Impl>();
  impl->o = o;
  impl->multi = curl_multi_init();
  if (!impl->multi) return InternalError("curl_multi_init failed");
  curl_multi_setopt(impl->multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  curl_multi_setopt(impl->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(o.max_connections));
  curl_multi_setopt(impl->multi, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(o.max_per_host));
  curl_multi_setopt(impl->multi, CURLMOPT_MAXCONNECTS, static_cast<long>(o.max_connections));
  return std::unique_ptr<Fetcher>(new Fetcher(std::move(impl)));
}

void Fetcher::Add(const FetchRequest& r) {
  auto t = std::make_unique<Transfer>();
  if (!impl_->idle.empty()) {
    t->easy = impl_->idle.back();
    impl_->idle.pop_back();
  } else {
    t->easy = curl_easy_init();
  }
  t->max_body = r.max_body_bytes.value_or(impl_->o.max_body_bytes);
  t->truncate = r.truncate;
  t->result.id = r.id;
  t->result.url = r.url;
  t->result.date = NowRfc3339();
  t->started = std::chrono::steady_clock::now();
  impl_->Configure(t.get(), r);
  curl_multi_add_handle(impl_->multi, t->easy);
  impl_->active.push_back(std::move(t));
}

void Fetcher::Poll(std::chrono::milliseconds timeout, std::vector<FetchResult>* done) {
  int running = 0;
  curl_multi_perform(impl_->multi, &running);
  if (impl_->active.empty()) {
    std::this_thread::sleep_for(timeout);  // nothing to wait for but time
    return;
  }
  curl_multi_poll(impl_->multi, nullptr, 0, static_cast<int>(timeout.count()), nullptr);
  curl_multi_perform(impl_->multi, &running);
  int left = 0;
  while (CURLMsg* m = curl_multi_info_read(impl_->multi, &left)) {
    if (m->msg != CURLMSG_DONE) continue;
    Transfer* t = nullptr;
    curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &t);
    const CURLcode code = m->data.result;
    impl_->Finish(t, code, done);
    auto it = std::find_if(impl_->active.begin(), impl_->active.end(), [t](const auto& p) { return p.get() == t; });
    if (it != impl_->active.end()) impl_->active.erase(it);
  }
}

size_t Fetcher::in_flight() const { return impl_->active.size(); }

}  // namespace newsmine::crawler
