#include "http/api.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <mutex>

#include "codec/json_codec.hpp"
#include "domain/messages.hpp"
#include "domain/registry.hpp"
#include "domain/validation.hpp"
#include "http/openapi_document.hpp"
#include "http/problem.hpp"

namespace lumbung::http {
namespace {

constexpr int kMaxPerPage = 100;

Response JsonResponse(int status, const Json& body) {
  Response response;
  response.status = status;
  response.body = body.dump();
  return response;
}

std::string VersionTag(std::int64_t version) {
  std::string tag = "\"";
  tag += std::to_string(version);
  tag += '"';
  return tag;
}

// The record version named by If-Match ("3" or W/"3"), or the error to answer with.
Result<std::int64_t> ExpectedVersion(const Request& request) {
  std::string_view tag = request.Header("if-match");
  if (tag.empty()) return msg::VersionRequired();
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"') {
    tag = tag.substr(1, tag.size() - 2);
  }
  std::int64_t version = 0;
  auto [end, error] = std::from_chars(tag.data(), tag.data() + tag.size(), version);
  if (error != std::errc() || end != tag.data() + tag.size()) return msg::StaleVersion();
  return version;
}

// The request body as a JSON object, or the error to answer with.
Result<Json> JsonBody(const Request& request) {
  std::string_view type = request.Header("content-type");
  auto semicolon = type.find(';');
  std::string_view media = type.substr(0, semicolon);
  if (media != "application/json" && media != "application/merge-patch+json") return NotJson();
  try {
    return Json::parse(request.body);
  } catch (const Json::parse_error& error) {
    std::string where = std::to_string(error.byte);
    return MalformedJson("error near byte " + where, "kesalahan di sekitar bita ke-" + where);
  }
}

std::optional<Id> ParseId(const std::string& text) {
  Id id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

// The structural errors of an innovation's JSON plus the domain's errors for every other field,
// so that a person fixing a form learns of every problem in one answer.
Error InnovationErrors(Registry& registry, const Innovation& innovation,
                       std::vector<FieldError> structural) {
  for (auto& error : registry.CheckInnovation(innovation)) {
    bool named = std::any_of(structural.begin(), structural.end(),
                             [&](const FieldError& known) { return known.field == error.field; });
    if (!named) structural.push_back(std::move(error));
  }
  return msg::Invalid(std::move(structural));
}

Error NotFoundInnovation() { return msg::NotFound("Inovasi", "Innovation"); }
Error NotFoundAgency() { return msg::NotFound("Perangkat daerah", "Agency"); }
Error NotFoundRegion() { return msg::NotFound("Wilayah", "Region"); }

// Reads the list filters from the query string; every unknown or malformed one is named.
Result<InnovationQuery> ParseInnovationQuery(const Request& request) {
  auto pairs = ParseQuery(request.Query());
  if (!pairs) {
    return Error{ErrorCode::kMalformed,
                 {"Alamat berisi kode persen (%) yang rusak.",
                  "The address holds a broken percent (%) escape."},
                 {}};
  }
  InnovationQuery query;
  std::vector<FieldError> errors;
  auto integer = [&](const std::string& name, const std::string& value, int low, int high,
                     int& out) {
    int parsed = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    if (error != std::errc() || end != value.data() + value.size()) {
      errors.push_back(msg::WrongType(name, "bilangan bulat", "a whole number"));
    } else if (parsed < low || parsed > high) {
      errors.push_back(msg::OutOfRange(name, low, high));
    } else {
      out = parsed;
    }
  };
  auto enumeration = [&]<typename E>(const std::string& name, const std::string& value,
                                     std::optional<E>& out) {
    out = Parse<E>(value);
    if (!out) errors.push_back(msg::UnknownValue(name, AllowedList<E>()));
  };
  for (const auto& [name, value] : *pairs) {
    if (name == "region") {
      query.region_code = value;
    } else if (name == "agency") {
      if (auto id = ParseId(value)) {
        query.agency_id = id;
      } else {
        errors.push_back(msg::WrongType(name, "nomor perangkat daerah", "an agency number"));
      }
    } else if (name == "type") {
      enumeration(name, value, query.type);
    } else if (name == "form") {
      enumeration(name, value, query.form);
    } else if (name == "maturity") {
      enumeration(name, value, query.maturity);
    } else if (name == "stage") {
      enumeration(name, value, query.stage);
    } else if (name == "status") {
      // A comma-separated list: status=verified,published.
      std::string_view rest = value;
      while (!rest.empty()) {
        auto comma = rest.find(',');
        std::string one(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        auto status = Parse<RecordStatus>(one);
        if (!status) {
          errors.push_back(msg::UnknownValue(name, AllowedList<RecordStatus>()));
          break;
        }
        query.statuses.push_back(*status);
      }
    } else if (name == "year") {
      int year = 0;
      integer(name, value, kFirstYear, 9999, year);
      if (year) query.year = year;
    } else if (name == "digital") {
      if (value == "true" || value == "false") {
        query.digital = value == "true";
      } else {
        errors.push_back(msg::WrongType(name, "true atau false", "true or false"));
      }
    } else if (name == "page") {
      integer(name, value, 1, 1'000'000, query.page);
    } else if (name == "per_page") {
      integer(name, value, 1, kMaxPerPage, query.per_page);
    } else if (name == "sort") {
      if (value == "newest") {
        query.sort = InnovationSort::kNewest;
      } else if (value == "oldest") {
        query.sort = InnovationSort::kOldest;
      } else if (value == "title") {
        query.sort = InnovationSort::kTitle;
      } else if (value == "year") {
        query.sort = InnovationSort::kYearNewest;
      } else {
        errors.push_back(msg::UnknownValue(name, "newest, oldest, title, year"));
      }
    } else {
      errors.push_back(msg::UnknownField(name));
    }
  }
  if (!errors.empty()) {
    Error error = msg::Invalid(std::move(errors));
    error.code = ErrorCode::kMalformed;
    return error;
  }
  return query;
}

}  // namespace

std::optional<PageCache::Entry> PageCache::Find(const std::string& key,
                                                const std::string& version) const {
  std::shared_lock lock(mutex_);
  auto found = entries_.find(key);
  if (found == entries_.end() || found->second.version != version) return std::nullopt;
  return found->second;
}

std::string DataVersion::Current() {
  auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  auto checked = checked_at_.load(std::memory_order_acquire);
  // One thread at a time re-reads the counter; the others use the last value meanwhile.
  if (now - checked >= recheck_nanoseconds_ &&
      checked_at_.compare_exchange_strong(checked, now, std::memory_order_acq_rel)) {
    database_counter_.store(pool_.Acquire()->ChangeCounter(), std::memory_order_release);
  }
  return std::to_string(local_writes_.load(std::memory_order_acquire)) + "." +
         std::to_string(database_counter_.load(std::memory_order_acquire));
}

void PageCache::Put(const std::string& key, Entry entry) {
  std::unique_lock lock(mutex_);
  // Pages for old counters are dead weight; dropping everything keeps the bound simple.
  if (entries_.size() >= kCapacity) entries_.clear();
  entries_[key] = std::move(entry);
}

Api::Api(StorePool& pool, Clock clock, std::chrono::nanoseconds recheck)
    : pool_(pool), clock_(clock), router_(Routes()), data_version_(pool, recheck) {}

Response Api::Handle(const Request& request) {
  try {
    Match match = router_.Find(request.method, request.Path());
    if (match.route == nullptr) {
      if (match.allowed.empty()) return Problem(request, NoRoute());
      std::string allow;
      for (Method method : match.allowed) {
        if (!allow.empty()) allow += ", ";
        allow += MethodName(method);
      }
      return Problem(request, MethodNotAllowed()).With("Allow", allow);
    }
    bool writes = request.method != Method::kGet && request.method != Method::kHead;
    Response response = match.route->handler(request, match.params);
    // Bumped after the write is committed, so a page built from the old data in between
    // is never stored under the new version.
    if (writes) data_version_.Bump();
    return response;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "error: %s %s: %s\n", std::string(MethodName(request.method)).c_str(),
                 request.target.c_str(), error.what());
    return Problem(request, Internal());
  }
}

Response Api::Index(const Request& request) {
  // Until the portal pages exist, the root says where the data and its description are.
  bool english = request.WantsEnglish();
  Json index = {{"name", "Lumbung"},
                {"description", english ? "The regional innovation information system."
                                        : "Sistem informasi inovasi daerah."},
                {"links",
                 {{"innovations", "/api/v1/innovations"},
                  {"regions", "/api/v1/regions"},
                  {"openapi", "/api/openapi.json"},
                  {"health", "/healthz"}}}};
  return JsonResponse(200, index);
}

Response Api::Healthz(const Request&) {
  Response response;
  response.body = R"({"status":"ok"})";
  response.With("Cache-Control", "no-store");
  return response;
}

Response Api::OpenApi(const Request&) {
  Response response;
  response.body = std::string(OpenApiDocument());
  response.With("Cache-Control", "public, max-age=3600");
  return response;
}

Response Api::ListRegions(const Request&) {
  auto store = pool_.Acquire();
  Json items = Json::array();
  for (const auto& region : store->ListRegions()) items.push_back(ToJson(region));
  return JsonResponse(200, {{"items", items}, {"total", items.size()}});
}

Response Api::CreateRegion(const Request& request) {
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  Region region;
  auto errors = FromJson(*body, region, JsonInput::kCreate);
  if (!errors.empty()) return Problem(request, msg::Invalid(std::move(errors)));
  auto store = pool_.Acquire();
  Registry registry(*store, clock_);
  auto created = registry.CreateRegion(region);
  if (!created) return Problem(request, created.error());
  return JsonResponse(201, ToJson(*created)).With("Location", "/api/v1/regions/" + created->code);
}

Response Api::GetRegion(const Request& request, const std::string& code) {
  auto store = pool_.Acquire();
  auto region = store->FindRegion(code);
  if (!region) return Problem(request, NotFoundRegion());
  return JsonResponse(200, ToJson(*region));
}

Response Api::ListAgencies(const Request& request, const std::string& code) {
  auto store = pool_.Acquire();
  if (!store->FindRegion(code)) return Problem(request, NotFoundRegion());
  Json items = Json::array();
  for (const auto& agency : store->ListAgencies(code)) items.push_back(ToJson(agency));
  return JsonResponse(200, {{"items", items}, {"total", items.size()}});
}

Response Api::CreateAgency(const Request& request, const std::string& code) {
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  auto store = pool_.Acquire();
  if (!store->FindRegion(code)) return Problem(request, NotFoundRegion());
  Agency agency;
  auto errors = FromJson(*body, agency, JsonInput::kCreate);
  if (!errors.empty()) return Problem(request, msg::Invalid(std::move(errors)));
  agency.region_code = code;
  Registry registry(*store, clock_);
  auto created = registry.CreateAgency(agency);
  if (!created) return Problem(request, created.error());
  return JsonResponse(201, ToJson(*created))
      .With("Location", "/api/v1/agencies/" + std::to_string(created->id))
      .With("ETag", VersionTag(created->version));
}

Response Api::GetAgency(const Request& request, const std::string& id) {
  auto parsed = ParseId(id);
  auto store = pool_.Acquire();
  auto agency = parsed ? store->FindAgency(*parsed) : std::nullopt;
  if (!agency) return Problem(request, NotFoundAgency());
  return JsonResponse(200, ToJson(*agency)).With("ETag", VersionTag(agency->version));
}

Response Api::PatchAgency(const Request& request, const std::string& id) {
  auto parsed = ParseId(id);
  auto store = pool_.Acquire();
  auto agency = parsed ? store->FindAgency(*parsed) : std::nullopt;
  if (!agency) return Problem(request, NotFoundAgency());
  auto version = ExpectedVersion(request);
  if (!version) return Problem(request, version.error());
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  auto errors = FromJson(*body, *agency, JsonInput::kUpdate);
  if (!errors.empty()) return Problem(request, msg::Invalid(std::move(errors)));
  Registry registry(*store, clock_);
  auto updated = registry.UpdateAgency(*agency, *version);
  if (!updated) return Problem(request, updated.error());
  return JsonResponse(200, ToJson(*updated)).With("ETag", VersionTag(updated->version));
}

Response Api::DeleteAgency(const Request& request, const std::string& id) {
  auto parsed = ParseId(id);
  if (!parsed) return Problem(request, NotFoundAgency());
  auto version = ExpectedVersion(request);
  auto store = pool_.Acquire();
  if (!store->FindAgency(*parsed)) return Problem(request, NotFoundAgency());
  if (!version) return Problem(request, version.error());
  Registry registry(*store, clock_);
  auto deleted = registry.DeleteAgency(*parsed, *version);
  if (!deleted) return Problem(request, deleted.error());
  Response response;
  response.status = 204;
  return response;
}

Response Api::ListInnovations(const Request& request) {
  // The page depends only on the query and the data, so it is served from the cache for as
  // long as the data has not changed.
  std::string version = data_version_.Current();
  std::string key(request.Query());
  auto cached = list_cache_.Find(key, version);
  if (!cached) {
    auto query = ParseInnovationQuery(request);
    if (!query) return Problem(request, query.error());
    auto store = pool_.Acquire();
    if (!query->region_code.empty() && !store->FindRegion(query->region_code)) {
      Error error = msg::Invalid({msg::NoSuchRecord("region", "Wilayah", "Region")});
      return Problem(request, error);
    }
    auto page = store->ListInnovations(*query);
    Json items = Json::array();
    for (const auto& item : page.items) items.push_back(ToJson(item));
    PageCache::Entry entry;
    entry.version = version;
    entry.body = std::make_shared<const std::string>(Json{
        {"items", items},
        {"page", query->page},
        {"per_page", query->per_page},
        {"total", page.total}}.dump());
    entry.etag = "\"l" + version + "-" +
                 std::to_string(std::hash<std::string>{}(*entry.body) & 0xFFFFFFFF) + "\"";
    list_cache_.Put(key, entry);
    cached = std::move(entry);
  }
  if (request.Header("if-none-match") == cached->etag) {
    Response not_modified;
    not_modified.status = 304;
    return not_modified.With("ETag", cached->etag);
  }
  Response response;
  response.shared_body = std::move(cached->body);
  return response.With("ETag", cached->etag);
}

Response Api::CreateInnovation(const Request& request) {
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  Innovation innovation;
  auto errors = FromJson(*body, innovation, JsonInput::kCreate);
  auto store = pool_.Acquire();
  // The agency names the region when the client leaves it out.
  if (innovation.region_code.empty() && innovation.agency_id > 0) {
    if (auto agency = store->FindAgency(innovation.agency_id)) {
      innovation.region_code = agency->region_code;
    }
  }
  Registry registry(*store, clock_);
  if (!errors.empty()) {
    return Problem(request, InnovationErrors(registry, innovation, std::move(errors)));
  }
  if (innovation.region_code.empty() && innovation.agency_id <= 0) {
    return Problem(request, msg::Invalid({msg::Required("agency_id")}));
  }
  auto created = registry.CreateInnovation(innovation);
  if (!created) return Problem(request, created.error());
  return JsonResponse(201, ToJson(*created))
      .With("Location", "/api/v1/innovations/" + std::to_string(created->id))
      .With("ETag", VersionTag(created->version));
}

Response Api::GetInnovation(const Request& request, const std::string& id) {
  auto parsed = ParseId(id);
  auto store = pool_.Acquire();
  auto innovation = parsed ? store->FindInnovation(*parsed) : std::nullopt;
  if (!innovation) return Problem(request, NotFoundInnovation());
  std::string etag = VersionTag(innovation->version);
  if (request.Header("if-none-match") == etag) {
    Response not_modified;
    not_modified.status = 304;
    return not_modified.With("ETag", etag);
  }
  return JsonResponse(200, ToJson(*innovation)).With("ETag", etag);
}

Response Api::PatchInnovation(const Request& request, const std::string& id) {
  auto parsed = ParseId(id);
  auto store = pool_.Acquire();
  auto innovation = parsed ? store->FindInnovation(*parsed) : std::nullopt;
  if (!innovation) return Problem(request, NotFoundInnovation());
  auto version = ExpectedVersion(request);
  if (!version) return Problem(request, version.error());
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  auto errors = FromJson(*body, *innovation, JsonInput::kUpdate);
  Registry registry(*store, clock_);
  if (!errors.empty()) {
    return Problem(request, InnovationErrors(registry, *innovation, std::move(errors)));
  }
  auto updated = registry.UpdateInnovation(*innovation, *version);
  if (!updated) return Problem(request, updated.error());
  return JsonResponse(200, ToJson(*updated)).With("ETag", VersionTag(updated->version));
}

Response Api::DeleteInnovation(const Request& request, const std::string& id) {
  auto parsed = ParseId(id);
  auto store = pool_.Acquire();
  if (!parsed || !store->FindInnovation(*parsed)) return Problem(request, NotFoundInnovation());
  auto version = ExpectedVersion(request);
  if (!version) return Problem(request, version.error());
  Registry registry(*store, clock_);
  auto deleted = registry.DeleteInnovation(*parsed, *version);
  if (!deleted) return Problem(request, deleted.error());
  Response response;
  response.status = 204;
  return response;
}

}  // namespace lumbung::http
