// The API's clinic routes: an innovation's clinic journal and its stage, the facilitators'
// queue, and the region's standing against the yearly target.
#include <algorithm>

#include "domain/clinic_actions.hpp"
#include "domain/messages.hpp"
#include "domain/policy.hpp"
#include "domain/registry.hpp"
#include "domain/validation.hpp"
#include "http/api.hpp"
#include "http/handler_support.hpp"
#include "http/problem.hpp"

namespace lumbung::http {
namespace {

Json GapsJson(const std::vector<FieldError>& gaps, bool english) {
  Json out = Json::array();
  for (const auto& gap : gaps) {
    out.push_back({{"field", gap.field}, {"message", gap.message.In(english)}});
  }
  return out;
}

Json StandingsJson(const std::vector<UnitStanding>& standings, int target) {
  Json out = Json::array();
  for (const auto& standing : standings) {
    out.push_back({{"agency",
                    {{"id", standing.unit.id},
                     {"name", standing.unit.name},
                     {"kind", ToString(standing.unit.kind)}}},
                   {"new", standing.new_innovations},
                   {"developed", standing.developed_innovations},
                   {"total", standing.new_innovations + standing.developed_innovations},
                   {"target", target},
                   {"state", TargetStateName(standing.state)},
                   {"innovation_ids", standing.innovation_ids}});
  }
  return out;
}

}  // namespace

Json ComplianceJson(const ComplianceReport& report) {
  Json years = Json::array();
  for (const auto& figures : report.years) {
    years.push_back(
        {{"year", figures.year}, {"innovations", figures.innovations}, {"units", figures.units}});
  }
  int met = 0, missed = 0;
  for (const auto& standing : report.agencies) {
    met += standing.state == TargetState::kMet;
    missed += standing.state == TargetState::kMissed;
  }
  return {{"region_code", report.region_code},
          {"year", report.year},
          {"rule", ToJson(report.rule)},
          {"deadline", report.deadline},
          {"days_left", report.days_left},
          {"agencies_met", met},
          {"agencies_missed", missed},
          {"agencies", StandingsJson(report.agencies, report.rule.count)},
          {"echelon_iii", StandingsJson(report.echelon_iii, report.rule.count)},
          {"years", years}};
}

Response Api::InnovationClinic(const Request& request, const Actor& actor, const std::string& id) {
  auto parsed = ParseId(id);
  auto store = pool_.Acquire();
  auto innovation = parsed ? store->FindInnovation(*parsed) : std::nullopt;
  if (!innovation || !CanSee(actor, *innovation)) return Problem(request, NotFoundInnovation());
  if (!Allows(actor, Action::kReadClinic, SubjectOf(*innovation))) return Deny(request, actor);
  auto journal = store->ListClinicEntries(innovation->id);
  Json entries = Json::array();
  for (const auto& entry : journal) entries.push_back(ToJson(entry));
  auto next = NextStage(innovation->stage);
  auto gaps = GateGaps(*innovation, journal);
  Json may = Json::array();
  for (auto kind : Spellings<ClinicEntryKind>()) {
    auto parsed_kind = *Parse<ClinicEntryKind>(kind);
    if (MayRecord(actor, *innovation, parsed_kind) &&
        FitsStage(parsed_kind, *innovation, journal)) {
      may.push_back(kind);
    }
  }
  return JsonResponse(
      200, {{"innovation_id", innovation->id},
            {"stage", ToString(innovation->stage)},
            {"next_stage", next ? Json(ToString(*next)) : Json(nullptr)},
            {"gate_open", next.has_value() && gaps.empty()},
            {"gaps", next ? GapsJson(gaps, request.WantsEnglish()) : Json::array()},
            {"awaits_validation", AwaitsValidation(*innovation, journal)},
            {"may_record", may},
            {"may_advance", Allows(actor, Action::kAdvanceStage, SubjectOf(*innovation))},
            {"entries", entries}});
}

Response Api::RecordClinicEntry(const Request& request, const Actor& actor, const std::string& id) {
  auto parsed = ParseId(id);
  auto store = StoreFor(actor);
  auto innovation = parsed ? store->FindInnovation(*parsed) : std::nullopt;
  if (!innovation || !CanSee(actor, *innovation)) return Problem(request, NotFoundInnovation());
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  ClinicEntry entry;
  auto errors = FromJson(*body, entry);
  bool has_kind = body->is_object() && body->contains("kind");
  if (body->is_object() && !has_kind) errors.push_back(msg::Required("kind"));
  bool kind_known = has_kind && std::none_of(errors.begin(), errors.end(),
                                             [](const FieldError& e) { return e.field == "kind"; });
  // Without a known kind there is no rule to check the rest against.
  if (!kind_known) return Problem(request, msg::Invalid(std::move(errors)));
  auto recorded =
      RecordClinicEntryAs(*store, clock_, actor, *innovation, std::move(entry), std::move(errors));
  if (!recorded) return ActionProblem(request, actor, recorded.error());
  return JsonResponse(201, ToJson(*recorded));
}

Response Api::AdvanceStage(const Request& request, const Actor& actor, const std::string& id) {
  auto parsed = ParseId(id);
  auto store = StoreFor(actor);
  auto innovation = parsed ? store->FindInnovation(*parsed) : std::nullopt;
  if (!innovation || !CanSee(actor, *innovation)) return Problem(request, NotFoundInnovation());
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  std::optional<Stage> to;
  std::vector<FieldError> errors;
  if (!body->is_object()) {
    errors.push_back(msg::WrongType("(body)", "objek JSON", "a JSON object"));
  } else {
    for (const auto& [key, value] : body->items()) {
      if (key != "to") {
        errors.push_back(msg::UnknownField(key));
      } else if (!value.is_string()) {
        errors.push_back(ExpectStringError(key));
      } else if (to = Parse<Stage>(value.get<std::string>()); !to) {
        errors.push_back(msg::UnknownValue(key, AllowedList<Stage>()));
      }
    }
    if (!body->contains("to")) errors.push_back(msg::Required("to"));
  }
  if (!errors.empty()) return Problem(request, msg::Invalid(std::move(errors)));
  // If-Match is optional here: a stage move checks the record's state itself.
  std::int64_t expected = 0;
  if (!request.Header("if-match").empty()) {
    auto version = ExpectedVersion(request);
    if (!version) return Problem(request, version.error());
    expected = *version;
  }
  auto moved = AdvanceStageAs(*store, clock_, actor, *innovation, *to, expected);
  if (!moved) return ActionProblem(request, actor, moved.error());
  return JsonResponse(200, ToJson(*moved)).With("ETag", VersionTag(moved->version));
}

Response Api::ClinicQueue(const Request& request, const Actor& actor, const std::string& code) {
  auto store = pool_.Acquire();
  if (!store->FindRegion(code)) return Problem(request, NotFoundRegion());
  if (!Allows(actor, Action::kReadClinicQueue, {code})) return Deny(request, actor);
  Json items = Json::array();
  for (const auto& innovation : AwaitingValidation(*store, code)) {
    auto agency = store->FindAgency(innovation.agency_id);
    items.push_back(
        {{"id", innovation.id},
         {"title", innovation.title},
         {"agency", {{"id", innovation.agency_id}, {"name", agency ? agency->name : ""}}},
         {"stage", ToString(innovation.stage)},
         {"updated_at", innovation.updated_at}});
  }
  return JsonResponse(200, {{"items", items}, {"total", items.size()}});
}

Response Api::RegionCompliance(const Request& request, const Actor& actor,
                               const std::string& code) {
  auto store = pool_.Acquire();
  auto region = store->FindRegion(code);
  if (!region) return Problem(request, NotFoundRegion());
  if (!Allows(actor, Action::kReadCompliance, {code})) return Deny(request, actor);
  auto pairs = QueryPairs(request);
  if (!pairs) return Problem(request, pairs.TakeError());
  Registry registry(*store, clock_);
  const int this_year = registry.TodayIn(code).year;
  int year = this_year;
  std::vector<FieldError> errors;
  for (const auto& [name, value] : *pairs) {
    if (name == "year") {
      ReadInteger(name, value, kFirstYear, this_year + 1, errors, year);
    } else {
      errors.push_back(msg::UnknownField(name));
    }
  }
  if (!errors.empty()) {
    Error error = msg::Invalid(std::move(errors));
    error.code = ErrorCode::kMalformed;
    return Problem(request, error);
  }
  return JsonResponse(200, ComplianceJson(ComplianceOf(*store, clock_, *region, year)));
}

}  // namespace lumbung::http
