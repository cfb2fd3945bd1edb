// The workspace's clinic: the stage panel of a record page with the forms to record validations,
// plans, launches, monitoring and display events, the stage step, the facilitators' queue and
// the compliance page of the yearly target.
#include <algorithm>
#include <cstdlib>
#include <set>

#include "codec/json_codec.hpp"
#include "domain/clinic_actions.hpp"
#include "domain/messages.hpp"
#include "domain/policy.hpp"
#include "domain/registry.hpp"
#include "domain/validation.hpp"
#include "http/handler_support.hpp"
#include "http/site.hpp"
#include "http/site_support.hpp"

namespace lumbung::http {
namespace {

using web::View;

// The inputs of each kind of entry, in form order: name, input kind, enumeration group.
struct ClinicInput {
  std::string_view name;
  std::string_view input;  // date, select, area, text
  std::string_view group;
};
const std::vector<ClinicInput>& InputsOf(ClinicEntryKind kind) {
  static const std::vector<ClinicInput> kValidation = {{"date", "date", ""},
                                                       {"validation_method", "select", "method"},
                                                       {"decision", "select", "decision"},
                                                       {"notes", "area", ""}};
  static const std::vector<ClinicInput> kDesignPlan = {{"action_plan", "area", ""},
                                                       {"stakeholder_map", "area", ""},
                                                       {"communication_strategy", "area", ""}};
  static const std::vector<ClinicInput> kLaunch = {{"date", "date", ""}, {"notes", "area", ""}};
  static const std::vector<ClinicInput> kMonitoring = {{"date", "date", ""},
                                                       {"monitoring_method", "select", "monitor"},
                                                       {"findings", "area", ""},
                                                       {"obstacles", "area", ""}};
  static const std::vector<ClinicInput> kDisplay = {{"date", "date", ""},
                                                    {"event_kind", "select", "event"},
                                                    {"event_name", "text", ""},
                                                    {"feedback", "area", ""}};
  static const std::vector<ClinicInput> kNone;
  switch (kind) {
    case ClinicEntryKind::kValidation:
      return kValidation;
    case ClinicEntryKind::kDesignPlan:
      return kDesignPlan;
    case ClinicEntryKind::kLaunch:
      return kLaunch;
    case ClinicEntryKind::kMonitoring:
      return kMonitoring;
    case ClinicEntryKind::kDisplayEvent:
      return kDisplay;
    case ClinicEntryKind::kStageChange:
      break;
  }
  return kNone;
}

std::span<const std::string_view> ChoicesOf(std::string_view group) {
  if (group == "method") return Spellings<ValidationMethod>();
  if (group == "decision") return Spellings<Decision>();
  if (group == "monitor") return Spellings<MonitoringMethod>();
  if (group == "event") return Spellings<DisplayEventKind>();
  return {};
}

// The JSON the codec reads for a posted clinic form.
Json ClinicJsonOf(const FormPairs& form, ClinicEntryKind kind) {
  Json json = {{"kind", ToString(kind)}};
  for (const auto& input : InputsOf(kind)) {
    std::string value = Trim(First(form, input.name));
    if (input.input == "area") {
      value.erase(std::remove(value.begin(), value.end(), '\r'), value.end());
    }
    if (!value.empty()) json[std::string(input.name)] = value;
  }
  return json;
}

}  // namespace

View Site::ClinicView(const PageContext& page, Store& store, const Innovation& record,
                      const ClinicPost* posted) const {
  bool english = page.language == web::Language::kEnglish;
  auto journal = store.ListClinicEntries(record.id);
  std::string base = "/ruang-kerja/inovasi/" + std::to_string(record.id);

  View stages = View::array();
  for (auto spelling : Spellings<Stage>()) {
    auto stage = *Parse<Stage>(spelling);
    stages.push_back({{"label", Label(page, "stage", spelling)},
                      {"current", stage == record.stage},
                      {"done", static_cast<int>(stage) < static_cast<int>(record.stage)}});
  }
  View view = {{"stages", stages},
               {"stage", Label(page, "stage", ToString(record.stage))},
               {"stage_url", base + "/tahap"},
               {"entry_url", base + "/klinik"},
               {"version", record.version}};

  if (auto next = NextStage(record.stage)) {
    View gaps = View::array();
    for (const auto& gap : GateGaps(record, journal)) gaps.push_back(gap.message.In(english));
    view["next"] = {{"value", ToString(*next)},
                    {"label", Label(page, "stage", ToString(*next))},
                    {"gaps", gaps},
                    {"open", gaps.empty()},
                    {"may_advance", Allows(page.actor, Action::kAdvanceStage, SubjectOf(record))}};
  }
  if (AwaitsValidation(record, journal)) view["awaits"] = Text(page, "clinic.awaits_validation");

  // One form for each kind the person may record now, filled again after a failed post.
  View forms = View::array();
  for (auto spelling : Spellings<ClinicEntryKind>()) {
    auto kind = *Parse<ClinicEntryKind>(spelling);
    if (!MayRecord(page.actor, record, kind) || !FitsStage(kind, record, journal)) continue;
    bool this_one = posted != nullptr && posted->kind == kind;
    std::map<std::string, std::string> errors;
    View summary = View::array();
    if (this_one) {
      for (const auto& error : posted->error.fields) {
        std::string label = error.field == "kind" ? Text(page, "clinic.kind_heading")
                                                  : Text(page, "clinic.field_" + error.field);
        errors[error.field] += (errors[error.field].empty() ? "" : " ") + error.message.In(english);
        summary.push_back({{"label", label},
                           {"message", error.message.In(english)},
                           {"anchor", "#c-" + std::string(spelling) + "-" + error.field}});
      }
    }
    View fields = View::array();
    for (const auto& input : InputsOf(kind)) {
      std::string name(input.name);
      std::string id = "c-" + std::string(spelling) + "-" + name;
      View field = {{"name", name},
                    {"id", id},
                    {"label", Text(page, "clinic.field_" + name)},
                    {"value", this_one ? First(posted->values, name) : ""}};
      field[std::string(input.input)] = true;
      if (input.input == "area") field["rows"] = 3;
      if (input.input == "select") {
        View options = View::array();
        for (auto choice : ChoicesOf(input.group)) {
          options.push_back({{"value", choice},
                             {"label", Label(page, "clinic_" + std::string(input.group), choice)},
                             {"selected", field["value"] == choice}});
        }
        field["options"] = options;
      }
      if (auto found = errors.find(name); found != errors.end()) {
        field["error"] = found->second;
        field["error_id"] = id + "-error";
        field["describedby"] = id + "-error";
      }
      fields.push_back(field);
    }
    View form = {{"kind", spelling},
                 {"heading", Label(page, "clinic_kind", spelling)},
                 {"fields", fields},
                 {"open", this_one}};
    // Set either way, so that the page's own error summary does not show inside the form.
    form["error_title"] = this_one ? View(posted->error.title.In(english)) : View(false);
    form["errors"] = summary;
    forms.push_back(form);
  }
  view["forms"] = forms;

  View entries = View::array();
  for (auto entry = journal.rbegin(); entry != journal.rend(); ++entry) {
    View details = View::array();
    auto add = [&](const char* name, const std::string& value) {
      if (!value.empty()) {
        details.push_back(
            {{"label", Text(page, std::string("clinic.field_") + name)}, {"value", value}});
      }
    };
    if (entry->validation_method) {
      add("validation_method", Label(page, "clinic_method", ToString(*entry->validation_method)));
    }
    if (entry->decision)
      add("decision", Label(page, "clinic_decision", ToString(*entry->decision)));
    if (entry->monitoring_method) {
      add("monitoring_method", Label(page, "clinic_monitor", ToString(*entry->monitoring_method)));
    }
    if (entry->event_kind) {
      add("event_kind", Label(page, "clinic_event", ToString(*entry->event_kind)));
    }
    add("event_name", entry->event_name);
    add("notes", entry->notes);
    add("action_plan", entry->action_plan);
    add("stakeholder_map", entry->stakeholder_map);
    add("communication_strategy", entry->communication_strategy);
    add("findings", entry->findings);
    add("obstacles", entry->obstacles);
    add("feedback", entry->feedback);
    std::string what =
        entry->kind == ClinicEntryKind::kStageChange
            ? catalog_.Format("clinic.moved_to", page.language,
                              {{"stage", Label(page, "stage", ToString(entry->stage))}})
            : Label(page, "clinic_kind", ToString(entry->kind));
    entries.push_back(
        {{"date", entry->date.empty() ? entry->created_at.substr(0, 10) : entry->date},
         {"what", what},
         {"stage", Label(page, "stage", ToString(entry->stage))},
         {"by", entry->actor_name},
         {"details", details}});
  }
  view["entries"] = entries;
  return view;
}

Response Site::RecordClinicEntry(const PageContext& page, const PathParams& params) {
  auto id = ParseId(params.at(0));
  auto store = api_.StoreFor(page.actor);
  auto innovation = id ? store->FindInnovation(*id) : std::nullopt;
  if (!innovation || !CanSee(page.actor, *innovation)) return NotFoundPage(page);
  FormPairs form = FormValues(page.request);
  auto kind = Parse<ClinicEntryKind>(First(form, "kind"));
  if (!kind || *kind == ClinicEntryKind::kStageChange) return NotFoundPage(page);
  ClinicEntry entry;
  auto structural = FromJson(ClinicJsonOf(form, *kind), entry);
  auto recorded = RecordClinicEntryAs(*store, api_.clock(), page.actor, *innovation,
                                      std::move(entry), std::move(structural));
  if (!recorded) {
    if (recorded.error().code == ErrorCode::kForbidden) return ForbiddenPage(page);
    ClinicPost posted{*kind, form, recorded.error()};
    return RecordPage(page, &*innovation, nullptr, std::nullopt, 422, &posted);
  }
  return Redirect("/ruang-kerja/inovasi/" + std::to_string(innovation->id) +
                  "?pesan=clinic_recorded#klinik");
}

Response Site::AdvanceStage(const PageContext& page, const PathParams& params) {
  auto id = ParseId(params.at(0));
  auto store = api_.StoreFor(page.actor);
  auto innovation = id ? store->FindInnovation(*id) : std::nullopt;
  if (!innovation || !CanSee(page.actor, *innovation)) return NotFoundPage(page);
  FormPairs form = FormValues(page.request);
  auto to = Parse<Stage>(First(form, "to"));
  if (!to) return NotFoundPage(page);
  auto seen = ParseNumber(First(form, "version"), 1, INT64_MAX);
  auto moved = AdvanceStageAs(*store, api_.clock(), page.actor, *innovation, *to, seen.value_or(0));
  if (!moved) {
    if (moved.error().code == ErrorCode::kForbidden) return ForbiddenPage(page);
    int status = moved.error().code == ErrorCode::kInvalid ? 422 : 409;
    return RecordPage(page, &*innovation, nullptr, moved.error(), status);
  }
  return Redirect("/ruang-kerja/inovasi/" + std::to_string(moved->id) +
                  "?pesan=stage_moved#klinik");
}

void Site::AddClinicSections(const PageContext& page, Store& store, View& sections) const {
  std::set<std::string> queued;
  std::set<Id> reminded;
  Registry registry(store, api_.clock());
  for (const auto& grant : page.actor.roles) {
    // Facilitators: what waits for their validation.
    if (grant.role == Role::kFacilitator && queued.insert(grant.region_code).second) {
      View items = View::array();
      for (const auto& innovation : AwaitingValidation(store, grant.region_code)) {
        auto agency = store.FindAgency(innovation.agency_id);
        items.push_back(
            {{"title", innovation.title},
             {"url", "/ruang-kerja/inovasi/" + std::to_string(innovation.id) + "#klinik"},
             {"agency", agency ? agency->name : ""},
             {"status", Label(page, "status", ToString(innovation.status))},
             {"stage", Label(page, "stage", ToString(innovation.stage))},
             {"updated", innovation.updated_at.substr(0, 10)}});
      }
      sections.push_back({{"title", Text(page, "clinic.queue_heading")},
                          {"empty", Text(page, "dashboard.nothing_waiting")},
                          {"items", items},
                          {"can_create", false}});
    }
    // Agencies: where they stand against this year's target, before the deadline passes.
    if ((grant.role == Role::kAgencyOperator || grant.role == Role::kAgencyHead) &&
        reminded.insert(grant.agency_id).second) {
      auto agency = store.FindAgency(grant.agency_id);
      auto region = agency ? store.FindRegion(agency->region_code) : std::nullopt;
      if (!region) continue;
      int year = registry.TodayIn(region->code).year;
      auto report = ComplianceOf(store, api_.clock(), *region, year);
      const UnitStanding* standing = StandingOf(report, agency->id);
      if (standing == nullptr) continue;
      int delivered = standing->new_innovations + standing->developed_innovations;
      std::string state = TargetStateName(standing->state);
      sections.push_back(
          {{"title",
            catalog_.Format("clinic.target_heading", page.language,
                            {{"agency", standing->unit.name}, {"year", std::to_string(year)}})},
           {"target",
            {{"state", state},
             {"state_label", Text(page, "compliance.state_" + state)},
             {"text", catalog_.Format("clinic.target_text", page.language,
                                      {{"delivered", std::to_string(delivered)},
                                       {"target", std::to_string(report.rule.count)},
                                       {"deadline", report.deadline},
                                       {"days", std::to_string(std::max(0, report.days_left))}})},
             {"warn",
              standing->state == TargetState::kAtRisk || standing->state == TargetState::kMissed}}},
           {"items", View::array()},
           {"empty", ""},
           {"can_create", false}});
    }
  }
}

Response Site::CompliancePage(const PageContext& page, const PathParams&) {
  if (page.actor.IsAnonymous()) return SignInFirst(page);
  auto code = ManagedRegion(page, Action::kReadCompliance);
  if (!code) return ForbiddenPage(page);
  auto store = pool_.Acquire();
  auto region = store->FindRegion(*code);
  if (!region) return NotFoundPage(page);
  Registry registry(*store, api_.clock());
  int this_year = registry.TodayIn(*code).year;
  int year = this_year;
  if (auto asked =
          ParseNumber(First(QueryValues(page.request), "tahun"), kFirstYear, this_year + 1)) {
    year = static_cast<int>(*asked);
  }
  auto report = ComplianceOf(*store, api_.clock(), *region, year);
  auto rows = [&](const std::vector<UnitStanding>& standings) {
    View out = View::array();
    for (const auto& standing : standings) {
      std::string state = TargetStateName(standing.state);
      out.push_back({{"name", standing.unit.name},
                     {"new", standing.new_innovations},
                     {"developed", standing.developed_innovations},
                     {"total", standing.new_innovations + standing.developed_innovations},
                     {"state", state},
                     {"state_label", Text(page, "compliance.state_" + state)}});
    }
    return out;
  };
  View missed = View::array();
  int met = 0;
  for (const auto& standing : report.agencies) {
    met += standing.state == TargetState::kMet;
    if (standing.state == TargetState::kMissed || standing.state == TargetState::kAtRisk) {
      missed.push_back(standing.unit.name);
    }
  }
  View years = View::array();
  for (const auto& figures : report.years) {
    years.push_back(
        {{"year", figures.year}, {"innovations", figures.innovations}, {"units", figures.units}});
  }
  View year_links = View::array();
  for (int y = this_year + 1 - 5; y <= this_year; ++y) {
    year_links.push_back({{"year", y},
                          {"url", "/ruang-kerja/kepatuhan?tahun=" + std::to_string(y)},
                          {"current", y == year}});
  }
  std::string state_word =
      report.days_left < 0 ? "compliance.deadline_passed" : "compliance.deadline_coming";
  View view = {
      {"workspace", true},
      {"nav_workspace", true},
      {"year", year},
      {"year_links", year_links},
      {"summary", catalog_.Format("compliance.summary", page.language,
                                  {{"met", std::to_string(met)},
                                   {"total", std::to_string(report.agencies.size())},
                                   {"year", std::to_string(year)}})},
      {"rule", catalog_.Format(
                   "compliance.rule", page.language,
                   {{"count", std::to_string(report.rule.count)},
                    {"maturity", Label(page, "maturity", ToString(report.rule.minimum_maturity))},
                    {"deadline", report.deadline}})},
      {"verified_only", report.rule.verified_only},
      {"deadline_text", catalog_.Format(state_word, page.language,
                                        {{"deadline", report.deadline},
                                         {"days", std::to_string(std::abs(report.days_left))}})},
      {"agencies", rows(report.agencies)},
      {"echelon_iii", rows(report.echelon_iii)},
      {"per_echelon_iii", report.rule.per_echelon_iii},
      {"behind", missed},
      {"years", years}};
  return Render(page, 200, "compliance", view, Text(page, "compliance.title"));
}

}  // namespace lumbung::http
