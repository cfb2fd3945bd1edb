#include "http/site.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>

#include "auth/tokens.hpp"
#include "domain/policy.hpp"
#include "http/handler_support.hpp"
#include "http/site_support.hpp"
#include "web/files.hpp"
#include "web/gzip.hpp"

namespace lumbung::http {
namespace {

constexpr std::string_view kLanguageCookie = "lumbung_lang";

// Every page forbids what it does not use: no inline scripts, no framing, no other origins.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

std::string ContentTypeOf(std::string_view path) {
  if (path.ends_with(".css")) return "text/css; charset=utf-8";
  if (path.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (path.ends_with(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

std::string HashHex(std::string_view data) {
  char text[17];
  std::snprintf(text, sizeof text, "%016zx", std::hash<std::string_view>{}(data));
  return std::string(text, 16);
}

bool AcceptsGzip(const Request& request) {
  return request.Header("accept-encoding").find("gzip") != std::string_view::npos;
}

}  // namespace

bool IsApiRequest(const Request& request) {
  std::string_view path = request.Path();
  return path.starts_with("/api/") || path == "/api" || path == "/healthz";
}

bool IsSearch(const Request& request) {
  if (request.method != Method::kGet && request.method != Method::kHead) return false;
  const auto query = ParseQuery(request.Query());
  if (!query) return false;
  for (const auto& [name, value] : *query) {
    if (name == "q" && value.find_first_not_of(' ') != std::string::npos) return true;
  }
  return false;
}

Response Redirect(std::string location) {
  Response response;
  response.status = 303;
  response.content_type = "text/plain; charset=utf-8";
  return response.With("Location", std::move(location)).With("Cache-Control", "no-store");
}

Site::Site(Api& api, StorePool& pool, SiteOptions options)
    : api_(api), pool_(pool), options_(std::move(options)), page_routes_(Routes()), router_({}) {
  std::map<std::string, std::string> templates;
  for (const auto& file : web::EmbeddedFiles()) {
    if (file.path == "messages.tsv") {
      catalog_ = web::Catalog::Parse(file.content);
    } else if (file.path.starts_with("templates/")) {
      std::string name(file.path.substr(10));
      name.resize(name.size() - 5);  // ".html"
      templates.emplace(std::move(name), std::string(file.content));
    } else if (file.path.starts_with("static/")) {
      std::string name(file.path.substr(7));
      Asset asset;
      asset.content_type = ContentTypeOf(name);
      asset.body = std::string(file.content);
      asset.gzip_body = web::Gzip(asset.body);
      std::string hash = HashHex(asset.body);
      asset.etag = "\"" + hash + "\"";
      asset.url = "/aset/" + name + "?v=" + hash;
      assets_.emplace(std::move(name), std::move(asset));
    }
  }
  templates_ = std::make_unique<web::Templates>(templates, catalog_);
  // The router only matches; the page table says what to call.
  std::vector<Route> routes;
  for (const auto& route : page_routes_) routes.push_back({route.method, route.pattern, nullptr});
  router_ = Router(std::move(routes));
}

Site::~Site() = default;

bool Site::IsSlow(const Request& request) {
  // Signing in checks a password; adding a user hashes one.
  return request.method == Method::kPost &&
         (request.Path() == "/masuk" || request.Path() == "/ruang-kerja/pengguna");
}

std::vector<Site::PageRoute> Site::Routes() {
  using M = Method;
  using S = Site;
  return {
      {M::kGet, "/", &S::Home},
      {M::kGet, "/inovasi", &S::Catalogue},
      {M::kGet, "/inovasi/{id}", &S::InnovationPage},
      {M::kGet, "/perangkat-daerah", &S::Agencies},
      {M::kGet, "/perangkat-daerah/{id}", &S::AgencyPage},
      {M::kGet, "/data-terbuka", &S::OpenData},
      {M::kGet, "/data-terbuka/{file}", &S::OpenDataFile},
      {M::kGet, "/aset/{file}", &S::StaticAsset},
      {M::kGet, "/bahasa/{code}", &S::SwitchLanguage},
      {M::kGet, "/masuk", &S::SignInForm},
      {M::kPost, "/masuk", &S::SignIn},
      {M::kPost, "/keluar", &S::SignOut},

      {M::kGet, "/ruang-kerja", &S::Dashboard},
      {M::kGet, "/ruang-kerja/inovasi/baru", &S::NewInnovation},
      {M::kPost, "/ruang-kerja/inovasi", &S::CreateInnovation},
      {M::kGet, "/ruang-kerja/inovasi/{id}", &S::EditInnovation},
      {M::kPost, "/ruang-kerja/inovasi/{id}", &S::SaveInnovation},
      {M::kPost, "/ruang-kerja/inovasi/{id}/langkah", &S::StepInnovation},
      {M::kPost, "/ruang-kerja/inovasi/{id}/klinik", &S::RecordClinicEntry},
      {M::kPost, "/ruang-kerja/inovasi/{id}/tahap", &S::AdvanceStage},
      {M::kGet, "/ruang-kerja/kepatuhan", &S::CompliancePage},
      {M::kGet, "/ruang-kerja/inovasi/{id}/keberlanjutan", &S::ContinuationPage},
      {M::kPost, "/ruang-kerja/inovasi/{id}/keberlanjutan", &S::SaveContinuation},
      {M::kGet, "/ruang-kerja/kegiatan", &S::ActivitiesPage},
      {M::kPost, "/ruang-kerja/kegiatan", &S::AddActivity},
      {M::kGet, "/ruang-kerja/kegiatan/{id}", &S::ActivityPage},
      {M::kPost, "/ruang-kerja/kegiatan/{id}", &S::SaveActivity},
      {M::kPost, "/ruang-kerja/kegiatan/{id}/hapus", &S::RemoveActivity},
      {M::kGet, "/ruang-kerja/tim", &S::TeamsPage},
      {M::kPost, "/ruang-kerja/tim", &S::AddTeam},
      {M::kGet, "/ruang-kerja/tim/{id}", &S::TeamPage},
      {M::kPost, "/ruang-kerja/tim/{id}", &S::SaveTeam},
      {M::kPost, "/ruang-kerja/tim/{id}/hapus", &S::RemoveTeam},
      {M::kGet, "/ruang-kerja/monev", &S::RoundPage},
      {M::kGet, "/ruang-kerja/monev/{id}", &S::EvaluationPage},
      {M::kPost, "/ruang-kerja/monev/{id}", &S::SaveEvaluation},
      {M::kGet, "/ruang-kerja/perangkat-daerah", &S::ManageAgencies},
      {M::kPost, "/ruang-kerja/perangkat-daerah", &S::AddAgency},
      {M::kGet, "/ruang-kerja/perangkat-daerah/{id}", &S::EditAgency},
      {M::kPost, "/ruang-kerja/perangkat-daerah/{id}", &S::SaveAgency},
      {M::kGet, "/ruang-kerja/pengguna", &S::ManageUsers},
      {M::kPost, "/ruang-kerja/pengguna", &S::AddUser},
      {M::kPost, "/ruang-kerja/pengguna/{id}/status", &S::SetUserStatus},
      {M::kGet, "/ruang-kerja/duplikat", &S::Duplicates},
  };
}

Response Site::Handle(const Request& request) {
  web::Language language = CookieValue(request, kLanguageCookie) == "en"
                               ? web::Language::kEnglish
                               : web::Language::kIndonesian;
  PageContext page{request, Actor::Public(request.remote_address), "", language};
  try {
    Match match = router_.Find(request.method, request.Path());
    if (match.route == nullptr) {
      if (match.allowed.empty()) return NotFoundPage(page);
      Response refusal = Render(page, 405, "error",
                                {{"heading", Text(page, "error.method_heading")},
                                 {"message", Text(page, "error.method_message")}},
                                Text(page, "error.method_heading"));
      std::string allow;
      for (Method method : match.allowed) {
        allow += (allow.empty() ? "" : ", ") + std::string(MethodName(method));
      }
      return refusal.With("Allow", allow);
    }
    // Pages read only the session cookie: an API token is for programs, not browsers.
    if (!CookieValue(request, kSessionCookie).empty()) {
      Request cookie_only = request;
      std::erase_if(cookie_only.headers,
                    [](const auto& header) { return header.first == "authorization"; });
      auto actor = api_.Authenticate(cookie_only, &page.csrf_token);
      if (actor) page.actor = std::move(*actor);
    }
    if (request.method == Method::kPost && request.Path() != "/masuk") {
      // A signed-in browser sends the session cookie with any form, also one another site
      // made; the token inside the form proves this site's page sent it.
      auto form = FormValues(request);
      if (page.actor.IsAnonymous()) return SignInFirst(page);
      if (!auth::ConstantTimeEquals(First(form, "csrf"), page.csrf_token)) {
        return Render(page, 403, "error",
                      {{"heading", Text(page, "error.csrf_heading")},
                       {"message", Text(page, "error.csrf_message")}},
                      Text(page, "error.csrf_heading"));
      }
    }
    const PageRoute& route = page_routes_[match.route - router_.routes().data()];
    Response response = (this->*route.handler)(page, match.params);
    // A form that changed something answers with a redirect; only then may cached pages be
    // out of date (a refused or failed form must not cost every visitor a rebuilt page).
    bool wrote = request.method == Method::kPost && response.status == 303 &&
                 request.Path() != "/masuk" && request.Path() != "/keluar";
    if (wrote) api_.data_version().Bump();
    return response;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "error: %s %s: %s\n", std::string(MethodName(request.method)).c_str(),
                 request.target.c_str(), error.what());
    Response failure;
    failure.status = 500;
    failure.content_type = "text/html; charset=utf-8";
    failure.body = language == web::Language::kEnglish
                       ? "<!doctype html><html lang=en><title>Error</title><h1>Something went "
                         "wrong</h1><p>The server could not answer. Try again shortly.</p>"
                       : "<!doctype html><html lang=id><title>Galat</title><h1>Terjadi "
                         "kesalahan</h1><p>Server tidak dapat menjawab. Coba lagi sebentar "
                         "lagi.</p>";
    return failure;
  }
}

std::string Site::Text(const PageContext& page, std::string_view key) const {
  return catalog_.Format(key, page.language);
}

std::string Site::Label(const PageContext& page, std::string_view group,
                        std::string_view spelling) const {
  std::string key;
  key.reserve(group.size() + spelling.size() + 1);
  key.append(group).append(".").append(spelling);
  return catalog_.Format(key, page.language);
}

Response Site::Render(const PageContext& page, int status, std::string_view name, web::View view,
                      const std::string& title) {
  bool english = page.language == web::Language::kEnglish;
  std::string here = LocalPath(page.request.target, "/");
  view["lang"] = english ? "en" : "id";
  view["page_title"] = title;
  view["switch_url"] =
      std::string("/bahasa/") + (english ? "id" : "en") + "?kembali=" + UrlEncode(here);
  view["switch_lang"] = english ? "id" : "en";
  view["css_url"] = assets_.at("lumbung.css").url;
  view["js_url"] = assets_.at("lumbung.js").url;
  if (!view.contains("site")) {
    auto store = pool_.Acquire();
    auto region = SiteRegion(*store);
    view["site"] = {{"region_name", RegionName(*store)}, {"demo", region && region->demo}};
  }
  // Only the workspace's pages carry who is signed in: public pages are the same for
  // everyone, so they can be cached and shared.
  if (view.value("workspace", false) && !page.actor.IsAnonymous()) {
    view["user"] = {{"name", page.actor.name}, {"csrf", page.csrf_token}};
  }
  Response response;
  response.status = status;
  response.content_type = "text/html; charset=utf-8";
  response.body = templates_->Render(name, page.language, view);
  response.With("Content-Security-Policy", kContentSecurityPolicy)
      .With("X-Content-Type-Options", "nosniff")
      .With("Referrer-Policy", "same-origin")
      .With("Content-Language", english ? "en" : "id");
  if (view.value("workspace", false)) {
    response.With("Cache-Control", "private, no-store");
  }
  if (AcceptsGzip(page.request) && response.body.size() > 1024) {
    response.body = web::Gzip(response.body);
    response.With("Content-Encoding", "gzip").With("Vary", "Accept-Encoding, Cookie");
  } else {
    response.With("Vary", "Accept-Encoding, Cookie");
  }
  return response;
}

Response Site::CachedPage(const PageContext& page, const std::string& page_key,
                          const std::function<Response(const PageContext&)>& build) {
  const bool cacheable = CacheMayServe();
  std::string version = cacheable ? api_.data_version().Current() : "fresh";
  std::string key = std::string(web::LanguageCode(page.language)) + page_key;
  auto cached = cacheable ? cache_.Find(key, version) : std::nullopt;
  if (!cached) {
    // Built uncompressed for the public (no headers, no session), then kept in both forms.
    Request plain = page.request;
    plain.headers.clear();
    PageContext public_page{plain, Actor::Public(page.request.remote_address), "", page.language};
    Response built = build(public_page);
    if (built.status != 200) return built;
    PageCache::Entry entry;
    entry.version = version;
    std::string body = built.Body();
    entry.etag = "\"p" + version + "-" + HashHex(body) + "\"";
    if (body.size() > 1024) entry.gzip_body = std::make_shared<const std::string>(web::Gzip(body));
    entry.body = std::make_shared<const std::string>(std::move(body));
    if (cacheable) cache_.Put(key, entry);
    cached = std::move(entry);
  }
  bool gzip = cached->gzip_body && AcceptsGzip(page.request);
  // The two encodings are different bytes, so they carry different tags.
  std::string etag =
      gzip ? cached->etag.substr(0, cached->etag.size() - 1) + "-gz\"" : cached->etag;
  Response response;
  response.content_type = "text/html; charset=utf-8";
  response.With("ETag", etag)
      .With("Cache-Control", "no-cache")
      .With("Vary", "Accept-Encoding, Cookie")
      .With("Content-Security-Policy", kContentSecurityPolicy)
      .With("X-Content-Type-Options", "nosniff")
      .With("Referrer-Policy", "same-origin")
      .With("Content-Language", std::string(web::LanguageCode(page.language)));
  if (page.request.Header("if-none-match") == etag) {
    response.status = 304;
    return response;
  }
  if (gzip) {
    response.With("Content-Encoding", "gzip");
    response.shared_body = cached->gzip_body;
  } else {
    response.shared_body = cached->body;
  }
  return response;
}

Response Site::NotFoundPage(const PageContext& page) {
  return Render(page, 404, "error",
                {{"heading", Text(page, "error.not_found_heading")},
                 {"message", Text(page, "error.not_found_message")}},
                Text(page, "error.not_found_heading"));
}

Response Site::ForbiddenPage(const PageContext& page) {
  return Render(page, 403, "error",
                {{"heading", Text(page, "error.forbidden_heading")},
                 {"message", Text(page, "error.forbidden_message")},
                 {"workspace", true}},
                Text(page, "error.forbidden_heading"));
}

Response Site::SignInFirst(const PageContext& page) {
  std::string back = page.request.method == Method::kGet
                         ? LocalPath(page.request.target, "/ruang-kerja")
                         : std::string("/ruang-kerja");
  return Redirect("/masuk?kembali=" + UrlEncode(back));
}

std::optional<Region> Site::SiteRegion(Store& store) const {
  if (options_.region_code.empty()) return std::nullopt;
  return store.FindRegion(options_.region_code);
}

std::string Site::RegionName(Store& store) const {
  auto region = SiteRegion(store);
  return region ? region->name : "";
}

Response Site::StaticAsset(const PageContext& page, const PathParams& params) {
  auto found = assets_.find(params.at(0));
  if (found == assets_.end()) return NotFoundPage(page);
  const Asset& asset = found->second;
  Response response;
  response.content_type = asset.content_type;
  // The page links the asset under its hash, so what is fetched under it never changes.
  bool versioned = page.request.Query() == "v=" + asset.url.substr(asset.url.find("?v=") + 3);
  response
      .With("Cache-Control",
            versioned ? "public, max-age=31536000, immutable" : "public, max-age=300")
      .With("ETag", asset.etag)
      .With("Vary", "Accept-Encoding")
      .With("X-Content-Type-Options", "nosniff");
  if (page.request.Header("if-none-match") == asset.etag) {
    response.status = 304;
    return response;
  }
  if (AcceptsGzip(page.request)) {
    response.body = asset.gzip_body;
    response.With("Content-Encoding", "gzip");
  } else {
    response.body = asset.body;
  }
  return response;
}

Response Site::SwitchLanguage(const PageContext& page, const PathParams& params) {
  const std::string& code = params.at(0);
  if (code != "id" && code != "en") return NotFoundPage(page);
  Response response = Redirect(LocalPath(First(QueryValues(page.request), "kembali"), "/"));
  // Remembered for a year; the choice is not personal data and needs no consent.
  return response.With("Set-Cookie", std::string(kLanguageCookie) + "=" + code +
                                         "; Path=/; Max-Age=31536000; SameSite=Lax");
}

}  // namespace lumbung::http
