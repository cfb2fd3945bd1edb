// The workspace's programme pages: the region's clinic sessions and training with the agencies
// and innovations they served, the implementation teams set by decree, the yearly monitoring and
// evaluation round, and the form that says whether an innovation still runs.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "codec/json_codec.hpp"
#include "domain/messages.hpp"
#include "domain/policy.hpp"
#include "domain/programme_actions.hpp"
#include "domain/registry.hpp"
#include "domain/validation.hpp"
#include "http/handler_support.hpp"
#include "http/site.hpp"
#include "http/site_support.hpp"

namespace lumbung::http {
namespace {

using web::View;

constexpr std::string_view kParticipantsPrefix = "peserta-";

// The year a page is about: `tahun` from the query when it reads, otherwise this year.
int YearAsked(const PageContext& page, int this_year, int last) {
  auto asked = ParseNumber(First(QueryValues(page.request), "tahun"), kFirstYear, last);
  return asked ? static_cast<int>(*asked) : this_year;
}

// Links to the last five years and the next, for pages about one year.
View YearLinks(const std::string& path, int this_year, int year, int last) {
  View links = View::array();
  for (int y = this_year - 4; y <= last; ++y) {
    links.push_back(
        {{"year", y}, {"url", path + "?tahun=" + std::to_string(y)}, {"current", y == year}});
  }
  return links;
}

// The activity form's values as JSON for the codec: one number input per agency
// ("peserta-12"), filled in for those the activity served, and a check box per innovation.
Json ActivityJson(const FormPairs& form) {
  Json agencies = Json::array();
  for (const auto& [name, value] : form) {
    if (name.rfind(kParticipantsPrefix, 0) != 0 || Trim(value).empty()) continue;
    agencies.push_back({{"agency_id", NumberOrText(name.substr(kParticipantsPrefix.size()))},
                        {"participants", NumberOrText(Trim(value))}});
  }
  Json innovations = Json::array();
  for (const auto& id : All(form, "inovasi")) innovations.push_back(NumberOrText(id));
  return {{"kind", First(form, "kind")},     {"title", First(form, "title")},
          {"date", First(form, "date")},     {"place", First(form, "place")},
          {"advice", First(form, "advice")}, {"agencies", agencies},
          {"innovations", innovations}};
}

FormPairs ActivityValues(const Activity& activity) {
  FormPairs values = {{"kind", std::string(ToString(activity.kind))},
                      {"title", activity.title},
                      {"date", activity.date},
                      {"place", activity.place},
                      {"advice", activity.advice},
                      {"version", std::to_string(activity.version)}};
  for (const auto& unit : activity.agencies) {
    values.emplace_back(std::string(kParticipantsPrefix) + std::to_string(unit.agency_id),
                        std::to_string(unit.participants));
  }
  for (Id id : activity.innovations) values.emplace_back("inovasi", std::to_string(id));
  return values;
}

// A team's members as the form writes them: one per line, "name; position; role".
std::string MembersText(const Team& team, const std::function<std::string(TeamRole)>& label) {
  std::string text;
  for (const auto& member : team.members) {
    text += member.name + "; " + member.position + "; " + label(member.role) + "\n";
  }
  return text;
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The members' lines as JSON for the codec. A role may be written in either language, or left
// out for a member; a line whose role is none of them is named in `errors`.
Json MembersJson(const std::string& text, std::vector<FieldError>& errors) {
  static const std::map<std::string, std::string> kRoles = {{"ketua", "chair"},
                                                            {"chair", "chair"},
                                                            {"sekretaris", "secretary"},
                                                            {"secretary", "secretary"},
                                                            {"anggota", "member"},
                                                            {"member", "member"},
                                                            {"", "member"}};
  Json members = Json::array();
  std::size_t start = 0;
  int number = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = Trim(text.substr(start, end - start));
    start = end + 1;
    ++number;
    if (line.empty()) continue;
    std::vector<std::string> parts;
    for (std::size_t from = 0;;) {
      std::size_t semicolon = line.find(';', from);
      parts.push_back(Trim(line.substr(from, semicolon - from)));
      if (semicolon == std::string::npos) break;
      from = semicolon + 1;
    }
    if (parts.size() > 3) {
      std::string n = std::to_string(number);
      errors.push_back({"members",
                        "too_many",
                        {"Baris " + n + ": tulis nama; jabatan; peran, dengan dua titik koma saja.",
                         "Line " + n + ": write name; position; role, with two semicolons only."}});
    }
    parts.resize(3);
    auto role = kRoles.find(Lower(parts[2]));
    if (role == kRoles.end()) {
      std::string n = std::to_string(number);
      errors.push_back({"members",
                        "unknown_value",
                        {"Baris " + n + ": peran \"" + parts[2] +
                             "\" tidak dikenal. Tulis ketua, sekretaris, atau anggota.",
                         "Line " + n + ": the role \"" + parts[2] +
                             "\" is unknown. Write chair, secretary or member."}});
    }
    members.push_back({{"name", parts[0]},
                       {"position", parts[1]},
                       {"role", role != kRoles.end() ? role->second : "member"}});
  }
  return members;
}

// Reads the team form into `team` as `kind` of input; returns every error met, the form's own
// (a role it does not know) first.
std::vector<FieldError> ReadTeamForm(const FormPairs& form, Team& team, JsonInput kind) {
  std::vector<FieldError> errors;
  std::string unit = First(form, "agency_id");
  Json json = {{"agency_id", unit.empty() ? Json(nullptr) : NumberOrText(unit)},
               {"decree_number", First(form, "decree_number")},
               {"decree_date", First(form, "decree_date")},
               {"members", MembersJson(First(form, "members"), errors)}};
  for (auto& error : FromJson(json, team, kind)) errors.push_back(std::move(error));
  return errors;
}

// The status a failed save answers with.
int StatusOf(const Error& error) {
  switch (error.code) {
    case ErrorCode::kInvalid:
      return 422;
    case ErrorCode::kNotFound:
      return 404;
    default:
      return 409;
  }
}

}  // namespace

// Sessions and training.

Response Site::ActivitiesPage(const PageContext& page, const PathParams&) {
  if (page.actor.IsAnonymous()) return SignInFirst(page);
  auto code = ManagedRegion(page, Action::kReadProgramme);
  if (!code) return ForbiddenPage(page);
  auto store = pool_.Acquire();
  return ActivityForm(page, *store, *code, nullptr, nullptr, std::nullopt);
}

Response Site::AddActivity(const PageContext& page, const PathParams&) {
  auto code = ManagedRegion(page, Action::kManageActivities);
  if (!code) return ForbiddenPage(page);
  FormPairs form = FormValues(page.request);
  Activity activity;
  auto errors = FromJson(ActivityJson(form), activity, JsonInput::kCreate);
  activity.region_code = *code;
  auto store = api_.StoreFor(page.actor);
  auto saved =
      SaveActivityAs(*store, api_.clock(), page.actor, std::move(activity), std::move(errors), 0);
  if (!saved) return ActivityForm(page, *store, *code, nullptr, &form, saved.error());
  return Redirect("/ruang-kerja/kegiatan?tahun=" + saved->date.substr(0, 4) +
                  "&pesan=activity_saved");
}

Response Site::ActivityPage(const PageContext& page, const PathParams& params) {
  if (page.actor.IsAnonymous()) return SignInFirst(page);
  auto store = pool_.Acquire();
  auto activity = VisibleProgramme(*store, page.actor, params.at(0), &Store::FindActivity);
  if (!activity) return NotFoundPage(page);
  return ActivityForm(page, *store, activity->region_code, &*activity, nullptr, std::nullopt);
}

Response Site::SaveActivity(const PageContext& page, const PathParams& params) {
  auto store = api_.StoreFor(page.actor);
  auto activity = VisibleProgramme(*store, page.actor, params.at(0), &Store::FindActivity);
  if (!activity) return NotFoundPage(page);
  if (!Allows(page.actor, Action::kManageActivities, {activity->region_code})) {
    return ForbiddenPage(page);
  }
  FormPairs form = FormValues(page.request);
  Activity changed = *activity;
  auto errors = FromJson(ActivityJson(form), changed, JsonInput::kUpdate);
  auto version = ParseNumber(First(form, "version"), 1, INT64_MAX);
  auto saved = SaveActivityAs(*store, api_.clock(), page.actor, std::move(changed),
                              std::move(errors), version.value_or(0));
  if (!saved) {
    return ActivityForm(page, *store, activity->region_code, &*activity, &form, saved.error());
  }
  return Redirect("/ruang-kerja/kegiatan/" + std::to_string(saved->id) + "?pesan=saved");
}

Response Site::RemoveActivity(const PageContext& page, const PathParams& params) {
  auto store = api_.StoreFor(page.actor);
  auto activity = VisibleProgramme(*store, page.actor, params.at(0), &Store::FindActivity);
  if (!activity) return NotFoundPage(page);
  FormPairs form = FormValues(page.request);
  auto version = ParseNumber(First(form, "version"), 1, INT64_MAX);
  auto deleted = DeleteActivityAs(*store, page.actor, *activity, version.value_or(0));
  if (!deleted) {
    if (deleted.error().code == ErrorCode::kForbidden) return ForbiddenPage(page);
    return ActivityForm(page, *store, activity->region_code, &*activity, nullptr, deleted.error());
  }
  return Redirect("/ruang-kerja/kegiatan?tahun=" + activity->date.substr(0, 4) +
                  "&pesan=activity_deleted");
}

Response Site::ActivityForm(const PageContext& page, Store& store, const std::string& region_code,
                            const Activity* activity, const FormPairs* posted,
                            const std::optional<Error>& error) {
  Registry registry(store, api_.clock());
  Date today = registry.TodayIn(region_code);
  auto agencies = store.ListAgencies(region_code);
  std::map<Id, std::string> names;
  for (const auto& agency : agencies) names[agency.id] = agency.name;
  View view = {{"workspace", true}, {"nav_workspace", true}};
  std::string message = First(QueryValues(page.request), "pesan");
  if (!message.empty() && catalog_.Find("flash." + message, page.language) != nullptr) {
    view["flash"] = Text(page, "flash." + message);
  }

  if (activity == nullptr) {
    // The list of the year, with what it came to.
    int year = YearAsked(page, today.year, today.year + 1);
    View rows = View::array();
    std::set<Id> served;
    int sessions = 0, trainings = 0;
    long long participants = 0;
    for (const auto& item : store.ListActivities(region_code, year)) {
      long long people = 0;
      std::string units;
      for (const auto& unit : item.agencies) {
        people += unit.participants;
        served.insert(unit.agency_id);
        units += (units.empty() ? "" : "; ") + names[unit.agency_id];
      }
      participants += people;
      (IsTraining(item.kind) ? trainings : sessions) += 1;
      bool ahead = item.date > FormatDate(today);
      rows.push_back({{"date", item.date},
                      {"kind", Label(page, "activity_kind", ToString(item.kind))},
                      {"title", item.title},
                      {"url", "/ruang-kerja/kegiatan/" + std::to_string(item.id)},
                      {"units", units},
                      {"participants", people},
                      {"innovations", item.innovations.size()},
                      {"state", Text(page, ahead                 ? "activity.scheduled"
                                           : item.advice.empty() ? "activity.no_advice"
                                                                 : "activity.done")}});
    }
    view["year"] = year;
    view["year_links"] = YearLinks("/ruang-kerja/kegiatan", today.year, year, today.year + 1);
    view["activities"] = rows;
    view["summary"] = catalog_.Format("activity.summary", page.language,
                                      {{"sessions", std::to_string(sessions)},
                                       {"trainings", std::to_string(trainings)},
                                       {"participants", GroupThousands(participants)},
                                       {"agencies", std::to_string(served.size())},
                                       {"year", std::to_string(year)}});
  } else {
    view["title"] = activity->title;
    view["action"] = "/ruang-kerja/kegiatan/" + std::to_string(activity->id);
    view["delete_url"] = "/ruang-kerja/kegiatan/" + std::to_string(activity->id) + "/hapus";
    view["version"] = std::to_string(activity->version);
  }

  const bool manages = Allows(page.actor, Action::kManageActivities, {region_code});
  FormPairs values = posted ? *posted : activity ? ActivityValues(*activity) : FormPairs{};
  std::map<std::string, std::string> errors;
  if (error) AddErrors(page, *error, "activity.field_", view, errors);
  if (manages) {
    View kinds = View::array();
    std::string kind = First(values, "kind");
    for (auto spelling : Spellings<ActivityKind>()) {
      kinds.push_back({{"value", spelling},
                       {"label", Label(page, "activity_kind", spelling)},
                       {"selected", spelling == kind}});
    }
    View fields = View::array();
    fields.push_back(
        FormField(page, "kind", Text(page, "activity.field_kind"), "", errors, "select", kinds));
    for (std::string name : {"title", "date", "place"}) {
      fields.push_back(FormField(page, name, Text(page, "activity.field_" + name),
                                 First(values, name), errors, name == "date" ? "date" : "text",
                                 nullptr));
    }
    View advice = FormField(page, "advice", Text(page, "activity.field_advice"),
                            First(values, "advice"), errors, "area", nullptr);
    advice["rows"] = 4;
    View units = View::array();
    for (const auto& agency : agencies) {
      std::string name = std::string(kParticipantsPrefix) + std::to_string(agency.id);
      View unit = {{"name", name},
                   {"id", "f-" + name},
                   {"label", agency.name},
                   {"value", First(values, name)}};
      // A number that does not read is named at its own input.
      std::string typed = Trim(First(values, name));
      if (!typed.empty() && !ParseNumber(typed, 1, kMaxParticipants)) {
        unit["error"] = Text(page, "activity.participants_error");
        unit["error_id"] = "f-" + name + "-error";
      }
      units.push_back(std::move(unit));
    }
    // The innovations by agency, for the check boxes of those discussed.
    std::set<std::string> chosen;
    for (const auto& id : All(values, "inovasi")) chosen.insert(id);
    std::map<Id, View> by_agency;
    for (const auto& innovation : InnovationsOf(store, region_code, {})) {
      std::string id = std::to_string(innovation.id);
      View& list = by_agency[innovation.agency_id];
      if (list.is_null()) list = View::array();
      list.push_back({{"value", id},
                      {"id", "f-inovasi-" + id},
                      {"label", innovation.title},
                      {"checked", chosen.contains(id)}});
    }
    View groups = View::array();
    for (const auto& agency : agencies) {
      auto found = by_agency.find(agency.id);
      if (found != by_agency.end()) {
        groups.push_back({{"agency", agency.name}, {"items", found->second}});
      }
    }
    view["form"] = {{"fields", fields},
                    {"advice", advice},
                    {"units", units},
                    {"units_error", errors["agencies"]},
                    {"groups", groups},
                    {"innovations_error", errors["innovations"]},
                    {"version", First(values, "version")}};
  } else if (activity != nullptr) {
    View units = View::array();
    for (const auto& unit : activity->agencies) {
      units.push_back({{"name", names[unit.agency_id]}, {"participants", unit.participants}});
    }
    View innovations = View::array();
    // Only the innovations the reader may see: another agency's drafts stay its own.
    for (Id id : activity->innovations) {
      if (auto innovation = store.FindInnovation(id);
          innovation && CanSee(page.actor, *innovation)) {
        innovations.push_back(
            {{"title", innovation->title}, {"url", "/ruang-kerja/inovasi/" + std::to_string(id)}});
      }
    }
    view["detail"] = {{"date", activity->date},
                      {"kind", Label(page, "activity_kind", ToString(activity->kind))},
                      {"place", activity->place},
                      {"units", units},
                      {"innovations", innovations},
                      {"advice", activity->advice}};
  }
  int status = !error ? 200 : StatusOf(*error);
  if (activity == nullptr) {
    return Render(page, status, "activities", view, Text(page, "activity.heading"));
  }
  return Render(page, status, "activity_edit", view, activity->title);
}

// Implementation teams.

Response Site::TeamsPage(const PageContext& page, const PathParams&) {
  if (page.actor.IsAnonymous()) return SignInFirst(page);
  auto code = ManagedRegion(page, Action::kReadProgramme);
  if (!code) return ForbiddenPage(page);
  auto store = pool_.Acquire();
  return TeamForm(page, *store, *code, nullptr, nullptr, std::nullopt);
}

Response Site::AddTeam(const PageContext& page, const PathParams&) {
  auto code = ManagedRegion(page, Action::kReadProgramme);
  if (!code) return ForbiddenPage(page);
  FormPairs form = FormValues(page.request);
  Team team;
  auto errors = ReadTeamForm(form, team, JsonInput::kCreate);
  team.region_code = *code;
  auto store = api_.StoreFor(page.actor);
  auto saved = SaveTeamAs(*store, api_.clock(), page.actor, std::move(team), std::move(errors), 0);
  if (!saved) {
    if (saved.error().code == ErrorCode::kForbidden) return ForbiddenPage(page);
    return TeamForm(page, *store, *code, nullptr, &form, saved.error());
  }
  return Redirect("/ruang-kerja/tim?pesan=team_saved");
}

Response Site::TeamPage(const PageContext& page, const PathParams& params) {
  if (page.actor.IsAnonymous()) return SignInFirst(page);
  auto store = pool_.Acquire();
  auto team = VisibleProgramme(*store, page.actor, params.at(0), &Store::FindTeam);
  if (!team) return NotFoundPage(page);
  return TeamForm(page, *store, team->region_code, &*team, nullptr, std::nullopt);
}

Response Site::SaveTeam(const PageContext& page, const PathParams& params) {
  auto store = api_.StoreFor(page.actor);
  auto team = VisibleProgramme(*store, page.actor, params.at(0), &Store::FindTeam);
  if (!team) return NotFoundPage(page);
  FormPairs form = FormValues(page.request);
  Team changed = *team;
  auto errors = ReadTeamForm(form, changed, JsonInput::kUpdate);
  auto version = ParseNumber(First(form, "version"), 1, INT64_MAX);
  auto saved = SaveTeamAs(*store, api_.clock(), page.actor, std::move(changed), std::move(errors),
                          version.value_or(0));
  if (!saved) {
    if (saved.error().code == ErrorCode::kForbidden) return ForbiddenPage(page);
    return TeamForm(page, *store, team->region_code, &*team, &form, saved.error());
  }
  return Redirect("/ruang-kerja/tim/" + std::to_string(saved->id) + "?pesan=saved");
}

Response Site::RemoveTeam(const PageContext& page, const PathParams& params) {
  auto store = api_.StoreFor(page.actor);
  auto team = VisibleProgramme(*store, page.actor, params.at(0), &Store::FindTeam);
  if (!team) return NotFoundPage(page);
  FormPairs form = FormValues(page.request);
  auto version = ParseNumber(First(form, "version"), 1, INT64_MAX);
  auto deleted = DeleteTeamAs(*store, page.actor, *team, version.value_or(0));
  if (!deleted) {
    if (deleted.error().code == ErrorCode::kForbidden) return ForbiddenPage(page);
    return TeamForm(page, *store, team->region_code, &*team, nullptr, deleted.error());
  }
  return Redirect("/ruang-kerja/tim?pesan=team_deleted");
}

Response Site::TeamForm(const PageContext& page, Store& store, const std::string& region_code,
                        const Team* team, const FormPairs* posted,
                        const std::optional<Error>& error) {
  auto agencies = store.ListAgencies(region_code);
  std::map<Id, std::string> names;
  for (const auto& agency : agencies) names[agency.id] = agency.name;
  auto role_label = [&](TeamRole role) { return Label(page, "team_role", ToString(role)); };
  auto unit_name = [&](const std::optional<Id>& agency_id) {
    return agency_id ? names[*agency_id] : Text(page, "team.region_team");
  };
  View view = {{"workspace", true}, {"nav_workspace", true}};
  std::string message = First(QueryValues(page.request), "pesan");
  if (!message.empty() && catalog_.Find("flash." + message, page.language) != nullptr) {
    view["flash"] = Text(page, "flash." + message);
  }
  // The units whose team the actor keeps: the region's own and every agency for the region's
  // team, an operator's own agency.
  View units = View::array();
  std::string unit_value = posted                    ? First(*posted, "agency_id")
                           : team && team->agency_id ? std::to_string(*team->agency_id)
                                                     : "";
  if (Allows(page.actor, Action::kManageTeam, {region_code, 0})) {
    units.push_back({{"value", ""},
                     {"label", Text(page, "team.region_team")},
                     {"selected", unit_value.empty()}});
  }
  for (const auto& agency : agencies) {
    if (!Allows(page.actor, Action::kManageTeam, {region_code, agency.id})) continue;
    std::string value = std::to_string(agency.id);
    units.push_back({{"value", value}, {"label", agency.name}, {"selected", value == unit_value}});
  }

  if (team == nullptr) {
    View rows = View::array();
    std::set<std::optional<Id>> seen;
    for (const auto& item : store.ListTeams(region_code)) {
      std::string chair;
      for (const auto& member : item.members) {
        if (member.role == TeamRole::kChair) chair = member.name;
      }
      // The list comes with each unit's latest decree first: that is its current team.
      bool current = seen.insert(item.agency_id).second;
      rows.push_back({{"unit", unit_name(item.agency_id)},
                      {"url", "/ruang-kerja/tim/" + std::to_string(item.id)},
                      {"decree_number", item.decree_number},
                      {"decree_date", item.decree_date},
                      {"members", item.members.size()},
                      {"chair", chair},
                      {"current", current}});
    }
    view["teams"] = rows;
  } else {
    view["title"] = unit_name(team->agency_id) + " — " + team->decree_number;
    view["action"] = "/ruang-kerja/tim/" + std::to_string(team->id);
    view["delete_url"] = "/ruang-kerja/tim/" + std::to_string(team->id) + "/hapus";
    View members = View::array();
    for (const auto& member : team->members) {
      members.push_back({{"name", member.name},
                         {"position", member.position},
                         {"role", role_label(member.role)}});
    }
    view["detail"] = {{"unit", unit_name(team->agency_id)},
                      {"decree_number", team->decree_number},
                      {"decree_date", team->decree_date},
                      {"members", members}};
  }

  const bool keeps =
      team ? Allows(page.actor, Action::kManageTeam, {region_code, team->agency_id.value_or(0)})
           : !units.empty();
  std::map<std::string, std::string> errors;
  if (error) AddErrors(page, *error, "team.field_", view, errors);
  if (keeps) {
    auto value = [&](const std::string& name, const std::string& stored) {
      return posted ? First(*posted, name) : stored;
    };
    View fields = View::array();
    fields.push_back(FormField(page, "agency_id", Text(page, "team.field_agency_id"), "", errors,
                               "select", units));
    fields.push_back(FormField(page, "decree_number", Text(page, "team.field_decree_number"),
                               value("decree_number", team ? team->decree_number : ""), errors,
                               "text", nullptr));
    fields.push_back(FormField(page, "decree_date", Text(page, "team.field_decree_date"),
                               value("decree_date", team ? team->decree_date : ""), errors, "date",
                               nullptr));
    View members = FormField(page, "members", Text(page, "team.field_members"),
                             value("members", team ? MembersText(*team, role_label) : ""), errors,
                             "area", nullptr);
    members["rows"] = 8;
    fields.push_back(members);
    view["form"] = {{"fields", fields},
                    {"version", posted ? First(*posted, "version")
                                : team ? std::to_string(team->version)
                                       : ""}};
  }
  int status = !error ? 200 : StatusOf(*error);
  if (team == nullptr) return Render(page, status, "teams", view, Text(page, "team.heading"));
  return Render(page, status, "team_edit", view, view["title"].get<std::string>());
}

// The monitoring and evaluation round.

Response Site::RoundPage(const PageContext& page, const PathParams&) {
  if (page.actor.IsAnonymous()) return SignInFirst(page);
  auto code = ManagedRegion(page, Action::kReadEvaluations);
  if (!code) return ForbiddenPage(page);
  auto store = pool_.Acquire();
  Registry registry(*store, api_.clock());
  int this_year = registry.TodayIn(*code).year;
  int year = YearAsked(page, this_year, this_year);
  std::map<Id, std::string> names;
  for (const auto& agency : store->ListAgencies(*code)) names[agency.id] = agency.name;
  const bool records = Allows(page.actor, Action::kRecordEvaluation, {*code});
  View rows = View::array();
  int evaluated = 0;
  auto round = RoundOf(*store, *code, year);
  for (const auto& entry : round) {
    std::string id = std::to_string(entry.innovation_id);
    View row = {{"id", "inovasi-" + id},
                {"title", entry.title},
                {"url", "/ruang-kerja/inovasi/" + id},
                {"agency", names[entry.agency_id]},
                {"continuation", Label(page, "continuation", ToString(entry.continuation))}};
    if (entry.evaluation) {
      ++evaluated;
      row["progress"] = Label(page, "progress", ToString(entry.evaluation->progress));
      row["progress_code"] = ToString(entry.evaluation->progress);
      row["advice"] = entry.evaluation->advice;
    }
    if (records) {
      row["record_url"] = "/ruang-kerja/monev/" + id + "?tahun=" + std::to_string(year);
      row["record_label"] = Text(page, entry.evaluation ? "round.change" : "round.record");
    }
    rows.push_back(row);
  }
  View view = {{"workspace", true},
               {"nav_workspace", true},
               {"year", year},
               {"year_links", YearLinks("/ruang-kerja/monev", this_year, year, this_year)},
               {"items", rows},
               {"summary", catalog_.Format("round.summary", page.language,
                                           {{"evaluated", std::to_string(evaluated)},
                                            {"total", std::to_string(round.size())},
                                            {"year", std::to_string(year)}})}};
  if (First(QueryValues(page.request), "pesan") == "evaluation_saved") {
    view["flash"] = Text(page, "flash.evaluation_saved");
  }
  return Render(page, 200, "round", view, Text(page, "round.heading"));
}

Response Site::EvaluationPage(const PageContext& page, const PathParams& params) {
  if (page.actor.IsAnonymous()) return SignInFirst(page);
  auto store = pool_.Acquire();
  auto id = ParseId(params.at(0));
  auto innovation = id ? store->FindInnovation(*id) : std::nullopt;
  if (!innovation || !CanSee(page.actor, *innovation)) return NotFoundPage(page);
  if (!Allows(page.actor, Action::kRecordEvaluation, SubjectOf(*innovation))) {
    return ForbiddenPage(page);
  }
  Registry registry(*store, api_.clock());
  int this_year = registry.TodayIn(innovation->region_code).year;
  return EvaluationForm(page, *store, *innovation, YearAsked(page, this_year, this_year), nullptr,
                        std::nullopt);
}

Response Site::SaveEvaluation(const PageContext& page, const PathParams& params) {
  auto store = api_.StoreFor(page.actor);
  auto id = ParseId(params.at(0));
  auto innovation = id ? store->FindInnovation(*id) : std::nullopt;
  if (!innovation || !CanSee(page.actor, *innovation)) return NotFoundPage(page);
  FormPairs form = FormValues(page.request);
  Json json = {{"year", NumberOrText(First(form, "year"))},
               {"progress", First(form, "progress")},
               {"report", First(form, "report")},
               {"advice", First(form, "advice")}};
  Evaluation evaluation;
  auto errors = FromJson(json, evaluation);
  auto recorded = RecordEvaluationAs(*store, api_.clock(), page.actor, *innovation,
                                     std::move(evaluation), std::move(errors));
  if (!recorded) {
    if (recorded.error().code == ErrorCode::kForbidden) return ForbiddenPage(page);
    Registry registry(*store, api_.clock());
    int year = static_cast<int>(ParseNumber(First(form, "year"), kFirstYear, 9999)
                                    .value_or(registry.TodayIn(innovation->region_code).year));
    return EvaluationForm(page, *store, *innovation, year, &form, recorded.error());
  }
  return Redirect("/ruang-kerja/monev?tahun=" + std::to_string(recorded->year) +
                  "&pesan=evaluation_saved#inovasi-" + std::to_string(innovation->id));
}

Response Site::EvaluationForm(const PageContext& page, Store& store, const Innovation& innovation,
                              int year, const FormPairs* posted,
                              const std::optional<Error>& error) {
  std::optional<Evaluation> current;
  View earlier = View::array();
  for (auto& evaluation : store.ListEvaluationsOf(innovation.id)) {
    if (evaluation.year == year) current = evaluation;
    earlier.push_back({{"year", evaluation.year},
                       {"progress", Label(page, "progress", ToString(evaluation.progress))},
                       {"report", evaluation.report},
                       {"advice", evaluation.advice},
                       {"by", evaluation.actor_name}});
  }
  auto value = [&](const std::string& name, const std::string& stored) {
    return posted ? First(*posted, name) : stored;
  };
  View view = {{"workspace", true},
               {"nav_workspace", true},
               {"title", innovation.title},
               {"year", year},
               {"record_url", "/ruang-kerja/inovasi/" + std::to_string(innovation.id)},
               {"round_url", "/ruang-kerja/monev?tahun=" + std::to_string(year)},
               {"action", "/ruang-kerja/monev/" + std::to_string(innovation.id)},
               {"continuation", Label(page, "continuation", ToString(innovation.continuation))},
               {"earlier", earlier}};
  std::map<std::string, std::string> errors;
  if (error) AddErrors(page, *error, "round.field_", view, errors);
  std::string progress = value("progress", current ? std::string(ToString(current->progress)) : "");
  View options = View::array();
  for (auto spelling : Spellings<Progress>()) {
    options.push_back({{"value", spelling},
                       {"label", Label(page, "progress", spelling)},
                       {"selected", spelling == progress}});
  }
  View fields = View::array();
  fields.push_back(FormField(page, "progress", Text(page, "round.field_progress"), "", errors,
                             "select", options));
  for (std::string name : {"report", "advice"}) {
    View area = FormField(
        page, name, Text(page, "round.field_" + name),
        value(name, current ? (name == "report" ? current->report : current->advice) : ""), errors,
        "area", nullptr);
    area["rows"] = 5;
    fields.push_back(area);
  }
  view["fields"] = fields;
  if (errors.contains("innovation")) view["innovation_error"] = errors["innovation"];
  int status = !error ? 200 : StatusOf(*error);
  return Render(page, status, "evaluation", view, innovation.title);
}

// Whether an innovation still runs.

Response Site::ContinuationPage(const PageContext& page, const PathParams& params) {
  if (page.actor.IsAnonymous()) return SignInFirst(page);
  auto store = pool_.Acquire();
  auto id = ParseId(params.at(0));
  auto innovation = id ? store->FindInnovation(*id) : std::nullopt;
  if (!innovation || !CanSee(page.actor, *innovation)) return NotFoundPage(page);
  if (!Allows(page.actor, Action::kSetContinuation, SubjectOf(*innovation))) {
    return ForbiddenPage(page);
  }
  return ContinuationForm(page, *innovation, nullptr, std::nullopt);
}

Response Site::SaveContinuation(const PageContext& page, const PathParams& params) {
  auto store = api_.StoreFor(page.actor);
  auto id = ParseId(params.at(0));
  auto innovation = id ? store->FindInnovation(*id) : std::nullopt;
  if (!innovation || !CanSee(page.actor, *innovation)) return NotFoundPage(page);
  FormPairs form = FormValues(page.request);
  auto state = Parse<Continuation>(First(form, "continuation"));
  if (!state) {
    return ContinuationForm(
        page, *innovation, &form,
        msg::Invalid({msg::UnknownValue("continuation", AllowedList<Continuation>())}));
  }
  auto version = ParseNumber(First(form, "version"), 1, INT64_MAX);
  auto changed = SetContinuationAs(*store, api_.clock(), page.actor, *innovation, *state,
                                   Trim(First(form, "date")), Trim(First(form, "reason")),
                                   version.value_or(0));
  if (!changed) {
    if (changed.error().code == ErrorCode::kForbidden) return ForbiddenPage(page);
    return ContinuationForm(page, *innovation, &form, changed.error());
  }
  return Redirect("/ruang-kerja/inovasi/" + std::to_string(changed->id) +
                  "?pesan=continuation_saved#keberlanjutan");
}

Response Site::ContinuationForm(const PageContext& page, const Innovation& innovation,
                                const FormPairs* posted, const std::optional<Error>& error) {
  auto value = [&](const std::string& name, const std::string& stored) {
    return posted ? First(*posted, name) : stored;
  };
  View view = {
      {"workspace", true},
      {"nav_workspace", true},
      {"title", innovation.title},
      {"record_url", "/ruang-kerja/inovasi/" + std::to_string(innovation.id)},
      {"action", "/ruang-kerja/inovasi/" + std::to_string(innovation.id) + "/keberlanjutan"},
      {"version", value("version", std::to_string(innovation.version))}};
  std::map<std::string, std::string> errors;
  if (error) AddErrors(page, *error, "continuation_form.field_", view, errors);
  std::string state = value("continuation", std::string(ToString(innovation.continuation)));
  View options = View::array();
  for (auto spelling : Spellings<Continuation>()) {
    options.push_back({{"value", spelling},
                       {"label", Label(page, "continuation", spelling)},
                       {"selected", spelling == state}});
  }
  View fields = View::array();
  fields.push_back(FormField(page, "continuation",
                             Text(page, "continuation_form.field_continuation"), "", errors,
                             "select", options));
  fields.push_back(FormField(page, "date", Text(page, "continuation_form.field_date"),
                             value("date", innovation.continuation_date), errors, "date", nullptr));
  View reason = FormField(page, "reason", Text(page, "continuation_form.field_reason"),
                          value("reason", innovation.continuation_reason), errors, "area", nullptr);
  reason["rows"] = 3;
  fields.push_back(reason);
  view["fields"] = fields;
  int status = !error ? 200 : StatusOf(*error);
  return Render(page, status, "continuation", view, innovation.title);
}

View Site::ProgrammeView(const PageContext& page, Store& store, const Innovation& record) const {
  View view = {{"continuation", Label(page, "continuation", ToString(record.continuation))},
               {"continuation_code", ToString(record.continuation)},
               {"since", record.continuation_date},
               {"reason", record.continuation_reason}};
  if (Allows(page.actor, Action::kSetContinuation, SubjectOf(record))) {
    view["edit_url"] = "/ruang-kerja/inovasi/" + std::to_string(record.id) + "/keberlanjutan";
  }
  if (Allows(page.actor, Action::kReadEvaluations, SubjectOf(record))) {
    View evaluations = View::array();
    for (const auto& evaluation : store.ListEvaluationsOf(record.id)) {
      evaluations.push_back({{"year", evaluation.year},
                             {"progress", Label(page, "progress", ToString(evaluation.progress))},
                             {"progress_code", ToString(evaluation.progress)},
                             {"report", evaluation.report},
                             {"advice", evaluation.advice}});
    }
    view["evaluations"] = evaluations;
    view["reads_evaluations"] = true;
  }
  return view;
}

}  // namespace lumbung::http
