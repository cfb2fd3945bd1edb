// The workspace: each signed-in person's lists, the innovation editor, and the workflow steps.
#include <algorithm>
#include <map>
#include <set>

#include "codec/json_codec.hpp"
#include "domain/innovation_actions.hpp"
#include "domain/messages.hpp"
#include "domain/policy.hpp"
#include "domain/similarity.hpp"
#include "domain/validation.hpp"
#include "http/handler_support.hpp"
#include "http/site.hpp"
#include "http/site_support.hpp"

namespace lumbung::http {
namespace {

using web::View;

// How the editor shows a field.
enum class Input {
  kText,      // one line
  kUrl,       // one line holding an address
  kArea,      // plain paragraph
  kMarkdown,  // a narrative section
  kSelect,    // one of an enumeration; `group` names its labels
  kNumber,    // a whole number
  kDate,      // an ISO date
  kCheck,     // yes or no
  kLines,     // a list, one item per line
  kChecks,    // several of an enumeration
  kAgency,    // the agency, from those the person may write for
};

struct FieldSpec {
  std::string_view name;
  Input input;
  std::string_view group = {};
  bool optional_choice = false;  // a select that may stay empty
};

struct FieldsetSpec {
  std::string_view key;  // the legend's message key
  std::vector<FieldSpec> fields;
};

// The editor's fields, in the order a person fills them in. Names are the JSON API's, so the
// errors the codec and the rules report point straight at the inputs.
const std::vector<FieldsetSpec>& EditorFields() {
  static const std::vector<FieldsetSpec> kFieldsets = {
      {"editor.identity",
       {{"title", Input::kText},
        {"product", Input::kText},
        {"agency_id", Input::kAgency},
        {"unit", Input::kText},
        {"summary", Input::kArea}}},
      {"editor.classification",
       {{"type", Input::kSelect, "type", true},
        {"form", Input::kSelect, "form", true},
        {"digital", Input::kCheck},
        {"main_affair", Input::kText},
        {"other_affairs", Input::kLines},
        {"themes", Input::kLines}}},
      {"editor.progress",
       {{"maturity", Input::kSelect, "maturity"},
        {"year", Input::kNumber},
        {"implementation_year", Input::kNumber},
        {"trial_date", Input::kDate},
        {"implementation_date", Input::kDate}}},
      {"editor.people",
       {{"initiator_kind", Input::kSelect, "initiator"},
        {"initiator_names", Input::kText},
        {"team_members", Input::kLines}}},
      {"editor.narrative",
       {{"description", Input::kMarkdown},
        {"background", Input::kMarkdown},
        {"design", Input::kMarkdown},
        {"goals", Input::kMarkdown},
        {"benefits", Input::kMarkdown},
        {"results", Input::kMarkdown},
        {"process_steps", Input::kMarkdown},
        {"outputs", Input::kMarkdown},
        {"outcomes", Input::kMarkdown},
        {"drivers", Input::kMarkdown},
        {"obstacles", Input::kMarkdown},
        {"replication_prerequisites", Input::kMarkdown}}},
      {"editor.links", {{"video_url", Input::kUrl}, {"location", Input::kText}}},
      {"editor.replication",
       {{"replicated_from", Input::kNumber},
        {"replication_method", Input::kSelect, "replication", true},
        {"transfer_kinds", Input::kChecks, "transfer"},
        {"transfer_activity", Input::kSelect, "transfer_activity", true}}},
  };
  return kFieldsets;
}

// Rows of the editor's small tables: their columns, in the form and in JSON.
struct RowSpec {
  std::string_view name;  // the JSON field
  std::string_view first;
  std::string_view second;
};
constexpr RowSpec kRowFields[] = {
    {"budget", "year", "amount"},
    {"evidence", "title", "url"},
    {"partners", "name", "kind"},
};
constexpr int kBlankRows = 2;

// What the form holds: every value as typed, by input name.
using FormState = std::map<std::string, std::vector<std::string>, std::less<>>;

// The form's values for a stored record.
FormState StateOf(const Innovation& innovation) {
  Json json = ToJson(innovation);
  FormState state;
  for (const auto& fieldset : EditorFields()) {
    for (const auto& field : fieldset.fields) {
      const Json& value = json[std::string(field.name)];
      auto& slot = state[std::string(field.name)];
      if (value.is_string()) {
        slot.push_back(value.get<std::string>());
      } else if (value.is_boolean()) {
        slot.push_back(value.get<bool>() ? "true" : "");
      } else if (value.is_number()) {
        slot.push_back(value.dump());
      } else if (value.is_array() && field.input == Input::kChecks) {
        for (const auto& item : value) slot.push_back(item.get<std::string>());
      } else if (value.is_array()) {
        std::string lines;
        for (const auto& item : value)
          lines += (lines.empty() ? "" : "\n") + item.get<std::string>();
        slot.push_back(lines);
      }
    }
  }
  for (const auto& rows : kRowFields) {
    for (const auto& row : json[std::string(rows.name)]) {
      for (auto column : {rows.first, rows.second}) {
        const Json& cell = row[std::string(column)];
        state[std::string(rows.name) + "_" + std::string(column)].push_back(
            cell.is_string() ? cell.get<std::string>() : cell.dump());
      }
    }
  }
  state["version"].push_back(std::to_string(innovation.version));
  return state;
}

FormState StateOf(const FormPairs& pairs) {
  FormState state;
  for (const auto& [name, value] : pairs) state[name].push_back(value);
  return state;
}

std::string Value(const FormState& state, std::string_view name, std::size_t index = 0) {
  auto found = state.find(name);
  if (found == state.end() || index >= found->second.size()) return {};
  return found->second[index];
}

constexpr long long kLargest = 9'000'000'000'000'000'000LL;

// An amount of rupiah as people write it: "1500000", "Rp 1.500.000" or "1.500.000,00". Dots
// must group thousands; a decimal part other than zero is not whole rupiah and stays text,
// which the codec reports.
Json RupiahOrText(const std::string& text) {
  std::string_view rest = text;
  if (rest.starts_with("Rp")) rest.remove_prefix(2);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.ends_with(",00")) rest.remove_suffix(3);
  std::string digits;
  std::size_t group = 0;
  bool first_group = true;
  for (char c : rest) {
    if (c == '.') {
      // The first group has one to three digits, every later one exactly three.
      if (group == 0 || group > 3 || (!first_group && group != 3)) return text;
      first_group = false;
      group = 0;
    } else {
      digits += c;
      ++group;
    }
  }
  if (!first_group && group != 3) return text;
  if (auto number = ParseNumber(digits, 0, kLargest)) return *number;
  return text;
}

// Browsers send a textarea's line breaks as CR LF; records keep LF alone, so that saving from
// a page changes nothing that was not changed.
std::string WithoutCarriageReturns(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += text[i];
  }
  return out;
}

// The JSON the codec reads for the posted form.
Json JsonOf(const FormState& state) {
  Json json = Json::object();
  for (const auto& fieldset : EditorFields()) {
    for (const auto& field : fieldset.fields) {
      std::string name(field.name);
      std::string value = Value(state, name);
      switch (field.input) {
        case Input::kText:
        case Input::kUrl:
        case Input::kDate:
          json[name] = Trim(value);
          break;
        case Input::kArea:
        case Input::kMarkdown:
          json[name] = WithoutCarriageReturns(value);
          break;
        case Input::kSelect:
          // A select always sends a value; one missing keeps the record's own.
          if (!value.empty()) {
            json[name] = value;
          } else if (field.optional_choice) {
            json[name] = nullptr;
          }
          break;
        case Input::kNumber:
        case Input::kAgency:
          json[name] = Trim(value).empty() ? Json(nullptr) : NumberOrText(Trim(value));
          break;
        case Input::kCheck:
          json[name] = value == "true";
          break;
        case Input::kLines: {
          Json items = Json::array();
          std::string_view rest = value;
          while (!rest.empty()) {
            auto end = rest.find('\n');
            std::string line = Trim(rest.substr(0, end));
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
            if (!line.empty()) items.push_back(line);
          }
          json[name] = items;
          break;
        }
        case Input::kChecks: {
          auto found = state.find(name);
          json[name] = found == state.end() ? Json::array() : Json(found->second);
          break;
        }
      }
    }
  }
  if (json["agency_id"].is_null()) json.erase("agency_id");
  for (const auto& rows : kRowFields) {
    std::string first = std::string(rows.name) + "_" + std::string(rows.first);
    std::string second = std::string(rows.name) + "_" + std::string(rows.second);
    Json list = Json::array();
    auto count = std::max(state.count(first) ? state.at(first).size() : 0,
                          state.count(second) ? state.at(second).size() : 0);
    // Rows past the limit a record may hold are not read: a form crafted with thousands of
    // them costs no more than one with the most a record may have, plus one to report.
    count = std::min(count, kMaxListItems + 1);
    for (std::size_t i = 0; i < count; ++i) {
      std::string a = Trim(Value(state, first, i));
      std::string b = Trim(Value(state, second, i));
      // A row whose text is empty was left blank; a kind chosen alone says nothing.
      bool blank = a.empty() && (b.empty() || rows.name == "partners");
      if (blank) continue;
      if (rows.name == "budget") {
        list.push_back({{"year", NumberOrText(a)}, {"amount", RupiahOrText(b)}});
      } else {
        list.push_back({{std::string(rows.first), a}, {std::string(rows.second), b}});
      }
    }
    json[std::string(rows.name)] = list;
  }
  return json;
}

// The spellings of the enumeration a select offers.
std::span<const std::string_view> SpellingsOf(std::string_view group) {
  if (group == "type") return Spellings<InnovationType>();
  if (group == "form") return Spellings<Form>();
  if (group == "maturity") return Spellings<Maturity>();
  if (group == "continuation") return Spellings<Continuation>();
  if (group == "initiator") return Spellings<InitiatorKind>();
  if (group == "replication") return Spellings<ReplicationMethod>();
  if (group == "transfer") return Spellings<TransferKind>();
  if (group == "transfer_activity") return Spellings<TransferActivity>();
  return {};
}

// The field an error names, without the position inside a list: "budget[1].amount" -> budget.
std::string BaseField(const std::string& field) {
  return field.substr(0, std::min(field.find('['), field.find('.')));
}

std::string InputId(const std::string& field) { return "f-" + BaseField(field); }

// The agencies a person may enter innovations for.
// An installation admin without a region writes for `default_region`, the portal's.
std::vector<Agency> WritableAgencies(Store& store, const Actor& actor,
                                     const std::string& default_region) {
  std::vector<Agency> agencies;
  std::set<Id> seen;
  for (const auto& grant : actor.roles) {
    if (grant.role == Role::kAgencyOperator && grant.agency_id != 0 &&
        seen.insert(grant.agency_id).second) {
      if (auto agency = store.FindAgency(grant.agency_id)) agencies.push_back(*agency);
    } else if (grant.role == Role::kRegionAdmin || grant.role == Role::kAdmin) {
      const std::string& region = grant.region_code.empty() ? default_region : grant.region_code;
      if (region.empty()) continue;
      for (const auto& agency : store.ListAgencies(region)) {
        if (seen.insert(agency.id).second) agencies.push_back(agency);
      }
    }
  }
  return agencies;
}

// Whether the region of the agency asks its head to approve submissions.
bool HeadApproves(Store& store, Id agency_id) {
  auto agency = store.FindAgency(agency_id);
  auto region = agency ? store.FindRegion(agency->region_code) : std::nullopt;
  return region && region->requires_head_approval;
}

}  // namespace

Response Site::Dashboard(const PageContext& page, const PathParams&) {
  if (page.actor.IsAnonymous()) return SignInFirst(page);
  auto store = pool_.Acquire();
  View sections = View::array();
  // A queue is work to do and is listed whole; a list of everything shows the 100 most
  // recently changed.
  auto rows = [&](const InnovationQuery& base, const std::function<bool(const Innovation&)>& keep,
                  bool whole = true) {
    InnovationQuery query = base;
    query.per_page = 100;
    RestrictToVisible(page.actor, query);
    View items = View::array();
    for (query.page = 1;; ++query.page) {
      auto found = store->ListInnovations(query);
      for (const auto& item : found.items) {
        if (keep) {
          auto full = store->FindInnovation(item.id);
          if (!full || !keep(*full)) continue;
        }
        View row = SummaryView(page, item);
        row["url"] = "/ruang-kerja/inovasi/" + std::to_string(item.id);
        items.push_back(row);
      }
      if (!whole || static_cast<long long>(query.page) * query.per_page >= found.total) break;
    }
    return items;
  };
  auto add = [&](std::string_view title_key, std::string_view empty_key, View items,
                 bool can_create) {
    sections.push_back({{"title", Text(page, title_key)},
                        {"empty", Text(page, empty_key)},
                        {"items", std::move(items)},
                        {"can_create", can_create}});
  };
  std::set<Id> agencies_done;
  std::set<std::string> regions_done;
  for (const auto& grant : page.actor.roles) {
    if ((grant.role == Role::kAgencyOperator || grant.role == Role::kAgencyHead) &&
        agencies_done.insert(grant.agency_id).second) {
      auto agency = store->FindAgency(grant.agency_id);
      if (!agency) continue;
      InnovationQuery query;
      query.agency_id = agency->id;
      View mine = rows(query, nullptr);
      sections.push_back({{"title", catalog_.Format("dashboard.agency_innovations", page.language,
                                                    {{"agency", agency->name}})},
                          {"empty", Text(page, "dashboard.none_yet")},
                          {"items", std::move(mine)},
                          {"can_create", grant.role == Role::kAgencyOperator}});
    }
    if (grant.role == Role::kAgencyHead && HeadApproves(*store, grant.agency_id)) {
      InnovationQuery query;
      query.agency_id = grant.agency_id;
      query.statuses = {RecordStatus::kSubmitted};
      add("dashboard.awaiting_approval", "dashboard.nothing_waiting",
          rows(query, [](const Innovation& i) { return i.approved_at.empty(); }), false);
    }
    bool region_role = grant.role == Role::kRegionAdmin || grant.role == Role::kFacilitator ||
                       (grant.role == Role::kAdmin);
    std::string region_code = grant.role == Role::kAdmin && grant.region_code.empty()
                                  ? options_.region_code
                                  : grant.region_code;
    if (region_role && !region_code.empty() && regions_done.insert(region_code).second) {
      auto region = store->FindRegion(region_code);
      if (!region) continue;
      InnovationQuery query;
      query.region_code = region_code;
      if (grant.role != Role::kFacilitator) {
        query.statuses = {RecordStatus::kSubmitted};
        bool needs_approval = region->requires_head_approval;
        add("dashboard.verification_queue", "dashboard.nothing_waiting",
            rows(query,
                 [needs_approval](const Innovation& i) {
                   return !needs_approval || !i.approved_at.empty();
                 }),
            false);
        query.statuses = {RecordStatus::kVerified};
        add("dashboard.ready_to_publish", "dashboard.nothing_waiting", rows(query, nullptr), false);
      }
      query.statuses.clear();
      add("dashboard.region_innovations", "dashboard.none_yet", rows(query, nullptr, false),
          grant.role != Role::kFacilitator);
    }
  }
  AddClinicSections(page, *store, sections);
  bool manages = std::any_of(page.actor.roles.begin(), page.actor.roles.end(), [](const auto& g) {
    return g.role == Role::kRegionAdmin || g.role == Role::kAdmin;
  });
  bool clinic = std::any_of(page.actor.roles.begin(), page.actor.roles.end(), [](const auto& g) {
    return g.role == Role::kRegionAdmin || g.role == Role::kAdmin || g.role == Role::kFacilitator;
  });
  // Everyone with a role in a region sees its programme; its team and facilitators its round.
  bool programme = std::any_of(page.actor.roles.begin(), page.actor.roles.end(),
                               [](const auto& g) { return g.role != Role::kJuror; });
  View view = {{"workspace", true},
               {"nav_workspace", true},
               {"sections", sections},
               {"manages", manages},
               {"clinic", clinic},
               {"programme", programme},
               {"greeting",
                catalog_.Format("dashboard.greeting", page.language, {{"name", page.actor.name}})}};
  return Render(page, 200, "dashboard", view, Text(page, "dashboard.title"));
}

Response Site::NewInnovation(const PageContext& page, const PathParams&) {
  if (page.actor.IsAnonymous()) return SignInFirst(page);
  return RecordPage(page, nullptr, nullptr, std::nullopt, 200);
}

Response Site::EditInnovation(const PageContext& page, const PathParams& params) {
  if (page.actor.IsAnonymous()) return SignInFirst(page);
  auto id = ParseId(params.at(0));
  auto store = pool_.Acquire();
  auto innovation = id ? store->FindInnovation(*id) : std::nullopt;
  if (!innovation || !CanSee(page.actor, *innovation)) return NotFoundPage(page);
  return RecordPage(page, &*innovation, nullptr, std::nullopt, 200);
}

Response Site::CreateInnovation(const PageContext& page, const PathParams&) {
  FormPairs form = FormValues(page.request);
  Innovation draft;
  auto structural = FromJson(JsonOf(StateOf(form)), draft, JsonInput::kCreate);
  auto store = api_.StoreFor(page.actor);
  auto created =
      CreateInnovationAs(*store, api_.clock(), page.actor, std::move(draft), std::move(structural));
  if (!created) {
    if (created.error().code == ErrorCode::kForbidden) return ForbiddenPage(page);
    return RecordPage(page, nullptr, &form, created.error(), 422);
  }
  return Redirect("/ruang-kerja/inovasi/" + std::to_string(created->id) + "?pesan=created");
}

Response Site::SaveInnovation(const PageContext& page, const PathParams& params) {
  auto id = ParseId(params.at(0));
  auto store = api_.StoreFor(page.actor);
  auto before = id ? store->FindInnovation(*id) : std::nullopt;
  if (!before || !CanSee(page.actor, *before)) return NotFoundPage(page);
  FormPairs form = FormValues(page.request);
  Innovation changed = *before;
  auto structural = FromJson(JsonOf(StateOf(form)), changed, JsonInput::kUpdate);
  auto version = ParseNumber(First(form, "version"), 1, INT64_MAX);
  auto saved = UpdateInnovationAs(*store, api_.clock(), page.actor, *before, std::move(changed),
                                  std::move(structural), version.value_or(0));
  if (!saved) {
    if (saved.error().code == ErrorCode::kForbidden) return ForbiddenPage(page);
    int status = saved.error().code == ErrorCode::kInvalid ? 422 : 409;
    return RecordPage(page, &*before, &form, saved.error(), status);
  }
  return Redirect("/ruang-kerja/inovasi/" + std::to_string(saved->id) + "?pesan=saved");
}

Response Site::StepInnovation(const PageContext& page, const PathParams& params) {
  auto id = ParseId(params.at(0));
  auto store = api_.StoreFor(page.actor);
  auto innovation = id ? store->FindInnovation(*id) : std::nullopt;
  if (!innovation || !CanSee(page.actor, *innovation)) return NotFoundPage(page);
  FormPairs form = FormValues(page.request);
  auto step = ParseTransition(First(form, "action"));
  if (!step) return NotFoundPage(page);
  // A step is taken on the record the person saw: if it changed since, they see it first.
  auto seen = ParseNumber(First(form, "version"), 1, INT64_MAX);
  if (seen && *seen != innovation->version) {
    return RecordPage(page, &*innovation, nullptr, msg::StaleVersion(), 409);
  }
  auto moved = TransitionAs(*store, api_.clock(), page.actor, *innovation, *step,
                            Trim(First(form, "reason")));
  if (!moved) {
    if (moved.error().code == ErrorCode::kForbidden) return ForbiddenPage(page);
    return RecordPage(page, &*innovation, nullptr, moved.error(), 422);
  }
  return Redirect("/ruang-kerja/inovasi/" + std::to_string(moved->id) +
                  "?pesan=" + std::string(TransitionName(*step)));
}

Response Site::RecordPage(const PageContext& page, const Innovation* record,
                          const FormPairs* posted, const std::optional<Error>& error, int status,
                          const ClinicPost* clinic) {
  auto store = pool_.Acquire();
  bool english = page.language == web::Language::kEnglish;
  bool editable =
      record == nullptr ? true : Allows(page.actor, Action::kEditInnovation, SubjectOf(*record));
  auto agencies = WritableAgencies(*store, page.actor, options_.region_code);
  if (record == nullptr && agencies.empty()) return ForbiddenPage(page);

  FormState state;
  if (posted != nullptr) {
    state = StateOf(*posted);
  } else if (record != nullptr) {
    state = StateOf(*record);
  } else {
    Innovation blank;
    if (agencies.size() == 1) blank.agency_id = agencies.front().id;
    state = StateOf(blank);
    state.erase("version");
  }

  // Errors by input, and a summary that links to each.
  std::map<std::string, std::string> field_errors;
  View summary = View::array();
  if (error) {
    for (const auto& field : error->fields) {
      std::string base = BaseField(field.field);
      std::string label = base.empty() ? "" : Text(page, "field." + base);
      std::string message = field.message.In(english);
      if (field.field != base) message = field.field + ": " + message;
      field_errors[base] += (field_errors[base].empty() ? "" : " ") + message;
      summary.push_back({{"label", label}, {"message", message}, {"anchor", "#" + InputId(base)}});
    }
  }

  View fieldsets = View::array();
  for (const auto& fieldset : EditorFields()) {
    View fields = View::array();
    for (const auto& spec : fieldset.fields) {
      std::string name(spec.name);
      View field = {{"name", name},
                    {"id", InputId(name)},
                    {"label", Text(page, "field." + name)},
                    {"value", Value(state, name)}};
      if (const std::string* hint = catalog_.Find("hint." + name, page.language)) {
        field["hint"] = *hint;
        field["hint_id"] = InputId(name) + "-hint";
      }
      if (auto found = field_errors.find(name); found != field_errors.end()) {
        field["error"] = found->second;
        field["error_id"] = InputId(name) + "-error";
      }
      switch (spec.input) {
        case Input::kText:
          field["text"] = true;
          break;
        case Input::kUrl:
          field["url"] = true;
          break;
        case Input::kArea:
          field["area"] = true;
          field["rows"] = 3;
          break;
        case Input::kMarkdown:
          field["area"] = true;
          field["rows"] = 6;
          break;
        case Input::kNumber:
          field["number"] = true;
          break;
        case Input::kDate:
          field["date"] = true;
          break;
        case Input::kCheck:
          field["check"] = true;
          field["checked"] = Value(state, name) == "true";
          break;
        case Input::kLines:
          field["area"] = true;
          field["rows"] = 3;
          break;
        case Input::kSelect:
        case Input::kAgency: {
          field["select"] = true;
          View options = View::array();
          std::string chosen = Value(state, name);
          if (spec.optional_choice || (spec.input == Input::kAgency && agencies.size() != 1)) {
            options.push_back({{"value", ""}, {"label", Text(page, "editor.choose")}});
          }
          if (spec.input == Input::kAgency) {
            for (const auto& agency : agencies) {
              std::string value = std::to_string(agency.id);
              options.push_back(
                  {{"value", value}, {"label", agency.name}, {"selected", value == chosen}});
            }
          } else {
            for (auto spelling : SpellingsOf(spec.group)) {
              options.push_back({{"value", spelling},
                                 {"label", Label(page, spec.group, spelling)},
                                 {"selected", spelling == chosen}});
            }
          }
          field["options"] = options;
          break;
        }
        case Input::kChecks: {
          field["checks"] = true;
          View options = View::array();
          auto found = state.find(name);
          for (auto spelling : SpellingsOf(spec.group)) {
            bool on = found != state.end() && std::find(found->second.begin(), found->second.end(),
                                                        spelling) != found->second.end();
            options.push_back({{"value", spelling},
                               {"label", Label(page, spec.group, spelling)},
                               {"id", InputId(name) + "-" + std::string(spelling)},
                               {"checked", on}});
          }
          field["options"] = options;
          break;
        }
      }
      std::string described = field.value("hint_id", "") + " " + field.value("error_id", "");
      if (described != " ") field["describedby"] = Trim(described);
      fields.push_back(field);
    }
    fieldsets.push_back({{"legend", Text(page, fieldset.key)}, {"fields", fields}});
  }

  // The small tables: what is there, then blank rows to add more.
  View tables = View::array();
  for (const auto& rows : kRowFields) {
    std::string first = std::string(rows.name) + "_" + std::string(rows.first);
    std::string second = std::string(rows.name) + "_" + std::string(rows.second);
    auto filled = std::max(state.count(first) ? state.at(first).size() : 0,
                           state.count(second) ? state.at(second).size() : 0);
    View list = View::array();
    for (std::size_t i = 0; i < filled + kBlankRows; ++i) {
      View row = {{"number", i + 1},
                  {"first_name", first},
                  {"first_value", Value(state, first, i)},
                  {"first_id", InputId(std::string(rows.name)) + "-" + std::to_string(i) + "-a"},
                  {"second_name", second},
                  {"second_value", Value(state, second, i)},
                  {"second_id", InputId(std::string(rows.name)) + "-" + std::to_string(i) + "-b"}};
      if (rows.name == "partners") {
        View options = View::array();
        for (auto spelling : Spellings<PartnerKind>()) {
          options.push_back({{"value", spelling},
                             {"label", Label(page, "partner", spelling)},
                             {"selected", spelling == Value(state, second, i)}});
        }
        row["second_options"] = options;
      }
      list.push_back(row);
    }
    std::string name(rows.name);
    View table = {{"name", name},
                  {"id", InputId(name)},
                  {"legend", Text(page, "field." + name)},
                  {"first_label", Text(page, "field." + name + "_" + std::string(rows.first))},
                  {"second_label", Text(page, "field." + name + "_" + std::string(rows.second))},
                  {"rows", list}};
    if (auto found = field_errors.find(name); found != field_errors.end()) {
      table["error"] = found->second;
    }
    tables.push_back(table);
  }

  View view = {{"workspace", true},    {"nav_workspace", true},
               {"editable", editable}, {"fieldsets", fieldsets},
               {"tables", tables},     {"version", Value(state, "version")}};
  if (error) {
    view["error_title"] = error->title.In(english);
    view["errors"] = summary;
  }
  std::string title;
  if (record == nullptr) {
    title = Text(page, "editor.new_title");
    view["action"] = "/ruang-kerja/inovasi";
    view["is_new"] = true;
  } else {
    title = record->title;
    std::string base = "/ruang-kerja/inovasi/" + std::to_string(record->id);
    view["action"] = base;
    view["record"] = {{"id", record->id},
                      {"version", record->version},
                      {"status", Label(page, "status", ToString(record->status))},
                      {"status_code", ToString(record->status)},
                      {"rejection_reason", record->rejection_reason},
                      {"public_url", record->status == RecordStatus::kPublished
                                         ? "/inovasi/" + std::to_string(record->id)
                                         : ""},
                      {"step_url", base + "/langkah"}};
    if (!record->approved_at.empty() && record->status == RecordStatus::kSubmitted) {
      view["record"]["approved"] = true;
    }
    auto region = store->FindRegion(record->region_code);
    View actions = View::array();
    if (region) {
      for (Transition step : AvailableTransitions(page.actor, *record, *region)) {
        std::string name(TransitionName(step));
        actions.push_back({{"action", name},
                           {"label", Label(page, "action", name)},
                           {"needs_reason", step == Transition::kReject},
                           {"reason_id", "reason-" + name}});
      }
    }
    view["actions"] = actions;
    if (!editable) view["detail"] = DetailView(page, *store, *record, page.actor);
    View history = View::array();
    for (const auto& event : store->ListEvents(record->id)) {
      history.push_back({{"date", event.at.substr(0, 16)},
                         {"action", Label(page, "event", event.action)},
                         {"by", event.actor_name},
                         {"reason", event.reason}});
    }
    view["history"] = history;
    // The clinic's panel, and whether the innovation runs with the region's evaluations of it.
    if (Allows(page.actor, Action::kReadClinic, SubjectOf(*record))) {
      view["clinic"] = ClinicView(page, *store, *record, clinic);
      view["programme"] = ProgrammeView(page, *store, *record);
    }
    std::string message = First(QueryValues(page.request), "pesan");
    if (!message.empty() && catalog_.Find("flash." + message, page.language) != nullptr) {
      view["flash"] = Text(page, "flash." + message);
    }
  }
  if (editable) {
    // What the text being written looks like, in every region: is it new, or a replication?
    // The page's script keeps the list current while the person types.
    std::string text =
        IdentityText(Value(state, "title"), Value(state, "product"), Value(state, "summary"));
    std::optional<Id> self;
    if (record != nullptr) self = record->id;
    view["similar"] = Trim(text).empty()
                          ? View::array()
                          : SimilarView(page, *store, text, "", self, "/ruang-kerja/inovasi/");
    view["similar_exclude"] = self ? std::to_string(*self) : "";
  }
  view["page_heading"] = title;
  return Render(page, status, "record", view, title);
}

Response Site::Duplicates(const PageContext& page, const PathParams&) {
  if (page.actor.IsAnonymous()) return SignInFirst(page);
  auto code = ManagedRegion(page, Action::kReviewDuplicates);
  if (!code) return ForbiddenPage(page);
  auto store = pool_.Acquire();
  View pairs = View::array();
  for (const auto& pair : LikelyDuplicates(*store, page.actor, *code, kDuplicateMinimum, 200)) {
    auto side = [](const InnovationSummary& item) {
      return View{{"title", item.title},
                  {"agency", item.agency_name},
                  {"url", "/ruang-kerja/inovasi/" + std::to_string(item.id)}};
    };
    pairs.push_back({{"first", side(pair.first)},
                     {"second", side(pair.second)},
                     {"percent", std::to_string(static_cast<int>(pair.score * 100 + 0.5)) + "%"}});
  }
  View view = {
      {"workspace", true},
      {"nav_workspace", true},
      {"pairs", pairs},
      {"intro",
       catalog_.Format("duplicates.intro", page.language,
                       {{"percent", std::to_string(static_cast<int>(kDuplicateMinimum * 100))}})}};
  return Render(page, 200, "duplicates", view, Text(page, "duplicates.title"));
}

}  // namespace lumbung::http
