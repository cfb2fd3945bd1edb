// The API's programme routes: the region's clinic sessions and training, its implementation
// teams, the yearly monitoring and evaluation round, and whether an innovation still runs.
#include "domain/messages.hpp"
#include "domain/policy.hpp"
#include "domain/programme_actions.hpp"
#include "domain/registry.hpp"
#include "domain/validation.hpp"
#include "http/api.hpp"
#include "http/handler_support.hpp"
#include "http/problem.hpp"

namespace lumbung::http {
namespace {

Error NotFoundActivity() { return NotFoundError(static_cast<const Activity*>(nullptr)); }
Error NotFoundTeam() { return NotFoundError(static_cast<const Team*>(nullptr)); }

// The query parameters of a list, checked: `year` (kFirstYear to `last_year`) into `year`, and
// `kind` into `kind` when the list takes one.
Result<Done> ReadListQuery(const Request& request, int last_year, int& year,
                           std::optional<ActivityKind>* kind) {
  auto pairs = QueryPairs(request);
  if (!pairs) return pairs.TakeError();
  std::vector<FieldError> errors;
  for (const auto& [name, value] : *pairs) {
    if (name == "year") {
      ReadInteger(name, value, kFirstYear, last_year, errors, year);
    } else if (name == "kind" && kind != nullptr) {
      *kind = Parse<ActivityKind>(value);
      if (!*kind) errors.push_back(msg::UnknownValue(name, AllowedList<ActivityKind>()));
    } else {
      errors.push_back(msg::UnknownField(name));
    }
  }
  if (errors.empty()) return Ok();
  Error error = msg::Invalid(std::move(errors));
  error.code = ErrorCode::kMalformed;
  return error;
}

// The body's errors when it lacks one of `names`.
void RequireMembers(const Json& body, std::initializer_list<const char*> names,
                    std::vector<FieldError>& errors) {
  if (!body.is_object()) return;
  for (const char* name : names) {
    if (!body.contains(name)) errors.push_back(msg::Required(name));
  }
}

// An activity as `actor` may read it: the innovations it discussed that the actor may not see
// (another agency's drafts) are left out.
Json ActivityJson(Store& store, const Actor& actor, const Activity& activity) {
  Json json = ToJson(activity);
  Json visible = Json::array();
  for (Id id : activity.innovations) {
    auto innovation = store.FindInnovation(id);
    if (innovation && CanSee(actor, *innovation)) visible.push_back(id);
  }
  json["innovations"] = std::move(visible);
  return json;
}

Response Created(const Json& body, const std::string& location, std::int64_t version) {
  return JsonResponse(201, body).With("Location", location).With("ETag", VersionTag(version));
}

Response NoContent() {
  Response response;
  response.status = 204;
  return response;
}

}  // namespace

Response Api::ListActivities(const Request& request, const Actor& actor, const std::string& code) {
  auto store = pool_.Acquire();
  if (!store->FindRegion(code)) return Problem(request, NotFoundRegion());
  if (!Allows(actor, Action::kReadProgramme, {code})) return Deny(request, actor);
  Registry registry(*store, clock_);
  int year = 0;
  std::optional<ActivityKind> kind;
  // Activities may be scheduled up to the end of next year.
  if (auto query = ReadListQuery(request, registry.TodayIn(code).year + 1, year, &kind); !query) {
    return Problem(request, query.error());
  }
  Json items = Json::array();
  for (const auto& activity : store->ListActivities(code, year)) {
    if (!kind || activity.kind == *kind) items.push_back(ActivityJson(*store, actor, activity));
  }
  return JsonResponse(200, {{"items", items}, {"total", items.size()}});
}

Response Api::CreateActivity(const Request& request, const Actor& actor, const std::string& code) {
  auto store = StoreFor(actor);
  if (!store->FindRegion(code)) return Problem(request, NotFoundRegion());
  if (!Allows(actor, Action::kManageActivities, {code})) return Deny(request, actor);
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  Activity activity;
  auto errors = FromJson(*body, activity, JsonInput::kCreate);
  RequireMembers(*body, {"kind"}, errors);
  activity.region_code = code;
  auto saved = SaveActivityAs(*store, clock_, actor, std::move(activity), std::move(errors), 0);
  if (!saved) return ActionProblem(request, actor, saved.error());
  return Created(ToJson(*saved), "/api/v1/activities/" + std::to_string(saved->id), saved->version);
}

Response Api::GetActivity(const Request& request, const Actor& actor, const std::string& id) {
  auto store = pool_.Acquire();
  auto activity = VisibleProgramme(*store, actor, id, &Store::FindActivity);
  if (!activity) return Problem(request, NotFoundActivity());
  return JsonResponse(200, ActivityJson(*store, actor, *activity))
      .With("ETag", VersionTag(activity->version));
}

Response Api::PatchActivity(const Request& request, const Actor& actor, const std::string& id) {
  auto store = StoreFor(actor);
  auto activity = VisibleProgramme(*store, actor, id, &Store::FindActivity);
  if (!activity) return Problem(request, NotFoundActivity());
  if (!Allows(actor, Action::kManageActivities, {activity->region_code})) {
    return Deny(request, actor);
  }
  auto version = ExpectedVersion(request);
  if (!version) return Problem(request, version.error());
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  auto errors = FromJson(*body, *activity, JsonInput::kUpdate);
  auto saved =
      SaveActivityAs(*store, clock_, actor, std::move(*activity), std::move(errors), *version);
  if (!saved) return ActionProblem(request, actor, saved.error());
  return JsonResponse(200, ToJson(*saved)).With("ETag", VersionTag(saved->version));
}

Response Api::DeleteActivity(const Request& request, const Actor& actor, const std::string& id) {
  auto store = StoreFor(actor);
  auto activity = VisibleProgramme(*store, actor, id, &Store::FindActivity);
  if (!activity) return Problem(request, NotFoundActivity());
  if (!Allows(actor, Action::kManageActivities, {activity->region_code})) {
    return Deny(request, actor);
  }
  auto version = ExpectedVersion(request);
  if (!version) return Problem(request, version.error());
  auto deleted = DeleteActivityAs(*store, actor, *activity, *version);
  if (!deleted) return ActionProblem(request, actor, deleted.error());
  return NoContent();
}

Response Api::ListTeams(const Request& request, const Actor& actor, const std::string& code) {
  auto store = pool_.Acquire();
  if (!store->FindRegion(code)) return Problem(request, NotFoundRegion());
  if (!Allows(actor, Action::kReadProgramme, {code})) return Deny(request, actor);
  if (auto pairs = QueryPairs(request); !pairs || !pairs->empty()) {
    Error error = pairs ? msg::Invalid({msg::UnknownField(pairs->front().first)}) : pairs.error();
    error.code = ErrorCode::kMalformed;
    return Problem(request, error);
  }
  Json items = Json::array();
  for (const auto& team : store->ListTeams(code)) items.push_back(ToJson(team));
  return JsonResponse(200, {{"items", items}, {"total", items.size()}});
}

Response Api::CreateTeam(const Request& request, const Actor& actor, const std::string& code) {
  auto store = StoreFor(actor);
  if (!store->FindRegion(code)) return Problem(request, NotFoundRegion());
  if (!Allows(actor, Action::kReadProgramme, {code})) return Deny(request, actor);
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  Team team;
  auto errors = FromJson(*body, team, JsonInput::kCreate);
  team.region_code = code;
  auto saved = SaveTeamAs(*store, clock_, actor, std::move(team), std::move(errors), 0);
  if (!saved) return ActionProblem(request, actor, saved.error());
  return Created(ToJson(*saved), "/api/v1/teams/" + std::to_string(saved->id), saved->version);
}

Response Api::GetTeam(const Request& request, const Actor& actor, const std::string& id) {
  auto store = pool_.Acquire();
  auto team = VisibleProgramme(*store, actor, id, &Store::FindTeam);
  if (!team) return Problem(request, NotFoundTeam());
  return JsonResponse(200, ToJson(*team)).With("ETag", VersionTag(team->version));
}

Response Api::PatchTeam(const Request& request, const Actor& actor, const std::string& id) {
  auto store = StoreFor(actor);
  auto team = VisibleProgramme(*store, actor, id, &Store::FindTeam);
  if (!team) return Problem(request, NotFoundTeam());
  if (!Allows(actor, Action::kManageTeam, {team->region_code, team->agency_id.value_or(0)})) {
    return Deny(request, actor);
  }
  auto version = ExpectedVersion(request);
  if (!version) return Problem(request, version.error());
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  auto errors = FromJson(*body, *team, JsonInput::kUpdate);
  auto saved = SaveTeamAs(*store, clock_, actor, std::move(*team), std::move(errors), *version);
  if (!saved) return ActionProblem(request, actor, saved.error());
  return JsonResponse(200, ToJson(*saved)).With("ETag", VersionTag(saved->version));
}

Response Api::DeleteTeam(const Request& request, const Actor& actor, const std::string& id) {
  auto store = StoreFor(actor);
  auto team = VisibleProgramme(*store, actor, id, &Store::FindTeam);
  if (!team) return Problem(request, NotFoundTeam());
  if (!Allows(actor, Action::kManageTeam, {team->region_code, team->agency_id.value_or(0)})) {
    return Deny(request, actor);
  }
  auto version = ExpectedVersion(request);
  if (!version) return Problem(request, version.error());
  auto deleted = DeleteTeamAs(*store, actor, *team, *version);
  if (!deleted) return ActionProblem(request, actor, deleted.error());
  return NoContent();
}

Response Api::EvaluationRound(const Request& request, const Actor& actor, const std::string& code) {
  auto store = pool_.Acquire();
  if (!store->FindRegion(code)) return Problem(request, NotFoundRegion());
  if (!Allows(actor, Action::kReadEvaluations, {code})) return Deny(request, actor);
  Registry registry(*store, clock_);
  const int this_year = registry.TodayIn(code).year;
  int year = this_year;
  if (auto query = ReadListQuery(request, this_year, year, nullptr); !query) {
    return Problem(request, query.error());
  }
  Json items = Json::array();
  int evaluated = 0;
  for (const auto& entry : RoundOf(*store, code, year)) {
    evaluated += entry.evaluation.has_value();
    items.push_back({{"innovation",
                      {{"id", entry.innovation_id},
                       {"title", entry.title},
                       {"agency_id", entry.agency_id},
                       {"continuation", ToString(entry.continuation)}}},
                     {"evaluation", entry.evaluation ? ToJson(*entry.evaluation) : Json(nullptr)}});
  }
  return JsonResponse(200, {{"region_code", code},
                            {"year", year},
                            {"total", items.size()},
                            {"evaluated", evaluated},
                            {"items", items}});
}

Response Api::InnovationEvaluations(const Request& request, const Actor& actor,
                                    const std::string& id) {
  auto parsed = ParseId(id);
  auto store = pool_.Acquire();
  auto innovation = parsed ? store->FindInnovation(*parsed) : std::nullopt;
  if (!innovation || !CanSee(actor, *innovation)) return Problem(request, NotFoundInnovation());
  if (!Allows(actor, Action::kReadEvaluations, SubjectOf(*innovation))) {
    return Deny(request, actor);
  }
  Json items = Json::array();
  for (const auto& evaluation : store->ListEvaluationsOf(innovation->id)) {
    items.push_back(ToJson(evaluation));
  }
  return JsonResponse(200, {{"items", items}, {"total", items.size()}});
}

Response Api::RecordEvaluation(const Request& request, const Actor& actor, const std::string& id) {
  auto parsed = ParseId(id);
  auto store = StoreFor(actor);
  auto innovation = parsed ? store->FindInnovation(*parsed) : std::nullopt;
  if (!innovation || !CanSee(actor, *innovation)) return Problem(request, NotFoundInnovation());
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  Evaluation evaluation;
  auto errors = FromJson(*body, evaluation);
  RequireMembers(*body, {"year", "progress"}, errors);
  bool replaces = false;
  for (const auto& earlier : store->ListEvaluationsOf(innovation->id)) {
    replaces = replaces || earlier.year == evaluation.year;
  }
  auto recorded = RecordEvaluationAs(*store, clock_, actor, *innovation, std::move(evaluation),
                                     std::move(errors));
  if (!recorded) return ActionProblem(request, actor, recorded.error());
  return JsonResponse(replaces ? 200 : 201, ToJson(*recorded));
}

Response Api::SetContinuation(const Request& request, const Actor& actor, const std::string& id) {
  auto parsed = ParseId(id);
  auto store = StoreFor(actor);
  auto innovation = parsed ? store->FindInnovation(*parsed) : std::nullopt;
  if (!innovation || !CanSee(actor, *innovation)) return Problem(request, NotFoundInnovation());
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  std::optional<Continuation> state;
  std::string date, reason;
  std::vector<FieldError> errors;
  if (!body->is_object()) {
    errors.push_back(msg::WrongType("(body)", "objek JSON", "a JSON object"));
  } else {
    for (const auto& [key, value] : body->items()) {
      if (key != "continuation" && key != "date" && key != "reason") {
        errors.push_back(msg::UnknownField(key));
      } else if (!value.is_string()) {
        errors.push_back(ExpectStringError(key));
      } else if (key == "date") {
        date = value.get<std::string>();
      } else if (key == "reason") {
        reason = value.get<std::string>();
      } else if (state = Parse<Continuation>(value.get<std::string>()); !state) {
        errors.push_back(msg::UnknownValue(key, AllowedList<Continuation>()));
      }
    }
    RequireMembers(*body, {"continuation"}, errors);
  }
  if (!errors.empty()) return Problem(request, msg::Invalid(std::move(errors)));
  std::int64_t expected = 0;
  if (!request.Header("if-match").empty()) {
    auto version = ExpectedVersion(request);
    if (!version) return Problem(request, version.error());
    expected = *version;
  }
  auto changed =
      SetContinuationAs(*store, clock_, actor, *innovation, *state, date, reason, expected);
  if (!changed) return ActionProblem(request, actor, changed.error());
  return JsonResponse(200, ToJson(*changed)).With("ETag", VersionTag(changed->version));
}

}  // namespace lumbung::http
