// The API's likeness routes: innovations like a saved one, like a text being written, and a
// region's likely duplicates.
#include <cmath>

#include "domain/messages.hpp"
#include "domain/policy.hpp"
#include "domain/similarity.hpp"
#include "domain/validation.hpp"
#include "http/api.hpp"
#include "http/handler_support.hpp"
#include "http/problem.hpp"

namespace lumbung::http {
namespace {

constexpr int kDefaultSimilar = 5;
constexpr int kMaxSimilar = 20;
constexpr int kDefaultDuplicates = 50;
constexpr int kMaxDuplicates = 200;

// A score as the API gives it: three decimals are all it means.
double Rounded(double score) { return std::round(score * 1000.0) / 1000.0; }

Json SimilarJson(const std::vector<SimilarInnovation>& similar) {
  Json items = Json::array();
  for (const auto& match : similar) {
    Json item = ToJson(match.innovation);
    item["score"] = Rounded(match.score);
    items.push_back(std::move(item));
  }
  return {{"items", std::move(items)}};
}

Error Malformed(std::vector<FieldError> errors) {
  Error error = msg::Invalid(std::move(errors));
  error.code = ErrorCode::kMalformed;
  return error;
}

// "region" (the default) or "all"; anything else is named in `errors`.
bool ReadScope(const std::string& field, const std::string& value,
               std::vector<FieldError>& errors) {
  if (value != "region" && value != "all")
    errors.push_back(msg::UnknownValue(field, "region, all"));
  return value == "all";
}

}  // namespace

Response Api::SimilarInnovations(const Request& request, const Actor& actor,
                                 const std::string& id) {
  auto pairs = QueryPairs(request);
  if (!pairs) return Problem(request, pairs.error());
  int limit = kDefaultSimilar;
  bool all_regions = false;
  std::vector<FieldError> errors;
  for (const auto& [name, value] : *pairs) {
    if (name == "limit") {
      ReadInteger(name, value, 1, kMaxSimilar, errors, limit);
    } else if (name == "scope") {
      all_regions = ReadScope(name, value, errors);
    } else {
      errors.push_back(msg::UnknownField(name));
    }
  }
  if (!errors.empty()) return Problem(request, Malformed(std::move(errors)));
  auto parsed = ParseId(id);
  auto store = pool_.Acquire();
  auto innovation = parsed ? store->FindInnovation(*parsed) : std::nullopt;
  if (!innovation || !CanSee(actor, *innovation)) return Problem(request, NotFoundInnovation());
  const std::string text =
      IdentityText(innovation->title, innovation->product, innovation->summary);
  auto similar = SimilarTo(*store, actor, text, all_regions ? "" : innovation->region_code,
                           innovation->id, limit);
  return JsonResponse(200, SimilarJson(similar));
}

Response Api::SimilarToText(const Request& request, const Actor& actor) {
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  if (!body->is_object()) {
    return Problem(request, Malformed({msg::WrongType("body", "objek JSON", "a JSON object")}));
  }
  std::string texts[3];  // title, product, summary
  const std::pair<const char*, std::size_t> kTexts[3] = {
      {"title", kMaxNameLength}, {"product", kMaxShortTextLength}, {"summary", kMaxSummaryLength}};
  std::string region_code;
  std::optional<Id> exclude;
  int limit = kDefaultSimilar;
  std::vector<FieldError> errors;
  for (const auto& [name, value] : body->items()) {
    std::size_t text_index = 0;
    while (text_index < 3 && name != kTexts[text_index].first) ++text_index;
    if (text_index < 3 || name == "region_code") {
      if (!value.is_string()) {
        errors.push_back(ExpectStringError(name));
        continue;
      }
      const std::string& text = value.get_ref<const std::string&>();
      const std::size_t limit_of = text_index < 3 ? kTexts[text_index].second : kMaxNameLength;
      if (!IsValidUtf8(text)) {
        errors.push_back(msg::BadUtf8(name));
      } else if (CountCharacters(text) > limit_of) {
        errors.push_back(msg::TooLong(name, limit_of));
      } else if (text_index < 3) {
        texts[text_index] = text;
      } else {
        region_code = text;
      }
    } else if (name == "exclude") {
      if (value.is_number_integer() && value.get<Id>() > 0) {
        exclude = value.get<Id>();
      } else {
        errors.push_back(msg::WrongType(name, "nomor inovasi", "an innovation number"));
      }
    } else if (name == "limit") {
      if (!value.is_number_integer()) {
        errors.push_back(msg::WrongType(name, "bilangan bulat", "a whole number"));
      } else if (value.get<long long>() < 1 || value.get<long long>() > kMaxSimilar) {
        errors.push_back(msg::OutOfRange(name, 1, kMaxSimilar));
      } else {
        limit = value.get<int>();
      }
    } else {
      errors.push_back(msg::UnknownField(name));
    }
  }
  if (errors.empty() && texts[0].empty() && texts[1].empty() && texts[2].empty()) {
    errors.push_back({"title",
                      "required",
                      {"Isi judul, produk atau ringkasan untuk dicari kemiripannya.",
                       "Give a title, product or summary to compare."}});
  }
  auto store = pool_.Acquire();
  if (errors.empty() && !region_code.empty() && !store->FindRegion(region_code)) {
    errors.push_back(msg::NoSuchRecord("region_code", "Wilayah", "Region"));
  }
  if (!errors.empty()) return Problem(request, msg::Invalid(std::move(errors)));
  auto similar = SimilarTo(*store, actor, IdentityText(texts[0], texts[1], texts[2]), region_code,
                           exclude, limit);
  return JsonResponse(200, SimilarJson(similar));
}

Response Api::RegionDuplicates(const Request& request, const Actor& actor,
                               const std::string& code) {
  auto store = pool_.Acquire();
  if (!store->FindRegion(code)) return Problem(request, NotFoundRegion());
  if (!Allows(actor, Action::kReviewDuplicates, {code, 0, RecordStatus::kDraft})) {
    return Deny(request, actor);
  }
  auto pairs = QueryPairs(request);
  if (!pairs) return Problem(request, pairs.error());
  int limit = kDefaultDuplicates;
  int percent = static_cast<int>(kDuplicateMinimum * 100);
  std::vector<FieldError> errors;
  for (const auto& [name, value] : *pairs) {
    if (name == "limit") {
      ReadInteger(name, value, 1, kMaxDuplicates, errors, limit);
    } else if (name == "minimum") {
      ReadInteger(name, value, 20, 100, errors, percent);
    } else {
      errors.push_back(msg::UnknownField(name));
    }
  }
  if (!errors.empty()) return Problem(request, Malformed(std::move(errors)));
  Json items = Json::array();
  for (const auto& pair : LikelyDuplicates(*store, actor, code, percent / 100.0, limit)) {
    items.push_back({{"first", ToJson(pair.first)},
                     {"second", ToJson(pair.second)},
                     {"score", Rounded(pair.score)}});
  }
  return JsonResponse(200, {{"items", std::move(items)}, {"minimum", percent}});
}

}  // namespace lumbung::http
