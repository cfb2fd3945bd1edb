// The region's own pages in the workspace: its agencies and its users.
#include <map>

#include "codec/json_codec.hpp"
#include "domain/messages.hpp"
#include "domain/policy.hpp"
#include "domain/registry.hpp"
#include "http/handler_support.hpp"
#include "http/site.hpp"
#include "http/site_support.hpp"

namespace lumbung::http {
namespace {

using web::View;

// The agencies' names by id, for the lists that name an agency another record points at.
std::map<Id, std::string> NamesById(const std::vector<Agency>& agencies) {
  std::map<Id, std::string> names;
  for (const auto& agency : agencies) names[agency.id] = agency.name;
  return names;
}

constexpr std::string_view kAgencyFields[] = {
    "name", "short_name", "kind", "parent_id", "echelon", "address", "phone", "email", "website"};

}  // namespace

std::optional<std::string> Site::ManagedRegion(const PageContext& page, Action action) const {
  for (const auto& grant : page.actor.roles) {
    std::string code = grant.role == Role::kAdmin && grant.region_code.empty()
                           ? options_.region_code
                           : grant.region_code;
    if (!code.empty() && Allows(page.actor, action, {code})) return code;
  }
  return std::nullopt;
}

View Site::FormField(const PageContext& page, const std::string& name, const std::string& label,
                     const std::string& value, const std::map<std::string, std::string>& errors,
                     std::string_view kind, View options) const {
  View field = {{"name", name}, {"id", "f-" + name}, {"label", label}, {"value", value}};
  field[std::string(kind)] = true;
  if (auto found = errors.find(name); found != errors.end()) {
    field["error"] = found->second;
    field["error_id"] = "f-" + name + "-error";
  }
  if (!options.is_null()) field["options"] = std::move(options);
  if (const std::string* hint = catalog_.Find("hint." + name, page.language)) {
    field["hint"] = *hint;
    field["hint_id"] = "f-" + name + "-hint";
  }
  std::string described = field.value("hint_id", "");
  if (field.contains("error_id")) {
    described += (described.empty() ? "" : " ") + field["error_id"].get<std::string>();
  }
  if (!described.empty()) field["describedby"] = described;
  return field;
}

void Site::AddErrors(const PageContext& page, const Error& error, std::string_view label_group,
                     web::View& view, std::map<std::string, std::string>& by_field) const {
  bool english = page.language == web::Language::kEnglish;
  View summary = View::array();
  for (const auto& field : error.fields) {
    std::string base = field.field.substr(0, field.field.find_first_of("[."));
    std::string message = field.message.In(english);
    by_field[base] += (by_field[base].empty() ? "" : " ") + message;
    summary.push_back({{"label", Text(page, std::string(label_group) + base)},
                       {"message", message},
                       {"anchor", "#f-" + base}});
  }
  view["error_title"] = error.title.In(english);
  view["errors"] = summary;
}

View Site::AgencyFields(const PageContext& page, const FormPairs& values,
                        const std::map<std::string, std::string>& errors,
                        const std::vector<Agency>& agencies, Id editing) const {
  View fields = View::array();
  for (std::string_view name : kAgencyFields) {
    std::string key(name);
    std::string value = First(values, name);
    std::string label = Text(page, "admin.agency_" + key);
    if (name == "kind") {
      View options = View::array();
      for (auto spelling : Spellings<AgencyKind>()) {
        options.push_back({{"value", spelling},
                           {"label", Label(page, "agency_kind", spelling)},
                           {"selected", spelling == value}});
      }
      fields.push_back(FormField(page, key, label, "", errors, "select", options));
    } else if (name == "parent_id") {
      View options = View::array({{{"value", ""}, {"label", Text(page, "admin.no_parent")}}});
      for (const auto& agency : agencies) {
        // Only top-level agencies take sub-units, and none is its own parent.
        if (agency.parent_id || agency.id == editing) continue;
        std::string id = std::to_string(agency.id);
        options.push_back({{"value", id}, {"label", agency.name}, {"selected", id == value}});
      }
      fields.push_back(FormField(page, key, label, "", errors, "select", options));
    } else {
      std::string_view kind = name == "website" ? "url" : name == "echelon" ? "number" : "text";
      fields.push_back(FormField(page, key, label, value, errors, kind, nullptr));
    }
  }
  return fields;
}

namespace {

// The agency form's values as JSON for the codec; numbers that do not read stay text, which
// the codec reports by name.
Json AgencyJson(const FormPairs& form) {
  Json json = Json::object();
  for (std::string_view name : kAgencyFields) {
    std::string value = First(form, name);
    std::string key(name);
    if (name == "parent_id" || name == "echelon") {
      auto number = ParseNumber(value, 1, INT64_MAX);
      json[key] = value.empty() ? Json(nullptr) : number ? Json(*number) : Json(value);
    } else {
      json[key] = value;
    }
  }
  return json;
}

// The form's values of a stored agency.
FormPairs AgencyValues(const Agency& agency) {
  Json json = ToJson(agency);
  FormPairs values;
  for (std::string_view name : kAgencyFields) {
    const Json& value = json[std::string(name)];
    std::string text = value.is_string()   ? value.get<std::string>()
                       : value.is_number() ? value.dump()
                                           : std::string();
    values.emplace_back(name, std::move(text));
  }
  return values;
}

}  // namespace

Response Site::EditAgency(const PageContext& page, const PathParams& params) {
  return AgencyEditPage(page, params.at(0), nullptr, std::nullopt);
}

Response Site::AgencyEditPage(const PageContext& page, const std::string& id,
                              const FormPairs* posted, const std::optional<Error>& error) {
  if (page.actor.IsAnonymous()) return SignInFirst(page);
  auto store = pool_.Acquire();
  auto parsed = ParseId(id);
  auto agency = parsed ? store->FindAgency(*parsed) : std::nullopt;
  if (!agency) return NotFoundPage(page);
  if (!Allows(page.actor, Action::kManageAgencies, {agency->region_code})) {
    return ForbiddenPage(page);
  }
  View view = {{"workspace", true},
               {"nav_workspace", true},
               {"name", agency->name},
               {"action", "/ruang-kerja/perangkat-daerah/" + std::to_string(agency->id)},
               {"version", posted ? First(*posted, "version") : std::to_string(agency->version)}};
  std::map<std::string, std::string> errors;
  if (error) AddErrors(page, *error, "admin.agency_", view, errors);
  view["fields"] = AgencyFields(page, posted ? *posted : AgencyValues(*agency), errors,
                                store->ListAgencies(agency->region_code), agency->id);
  if (First(QueryValues(page.request), "pesan") == "saved")
    view["flash"] = Text(page, "flash.saved");
  int status = !error ? 200 : error->code == ErrorCode::kInvalid ? 422 : 409;
  return Render(page, status, "agency_edit", view, agency->name);
}

Response Site::SaveAgency(const PageContext& page, const PathParams& params) {
  auto store = api_.StoreFor(page.actor);
  auto parsed = ParseId(params.at(0));
  auto agency = parsed ? store->FindAgency(*parsed) : std::nullopt;
  if (!agency) return NotFoundPage(page);
  if (!Allows(page.actor, Action::kManageAgencies, {agency->region_code})) {
    return ForbiddenPage(page);
  }
  FormPairs form = FormValues(page.request);
  Agency changed = *agency;
  auto errors = FromJson(AgencyJson(form), changed, JsonInput::kUpdate);
  if (!errors.empty()) {
    return AgencyEditPage(page, params.at(0), &form, msg::Invalid(std::move(errors)));
  }
  auto version = ParseNumber(First(form, "version"), 1, INT64_MAX);
  Registry registry(*store, api_.clock());
  auto saved = registry.UpdateAgency(changed, version.value_or(0));
  if (!saved) return AgencyEditPage(page, params.at(0), &form, saved.error());
  return Redirect("/ruang-kerja/perangkat-daerah/" + std::to_string(saved->id) + "?pesan=saved");
}

Response Site::ManageAgencies(const PageContext& page, const PathParams&) {
  return AgenciesPage(page, nullptr, std::nullopt);
}

Response Site::AgenciesPage(const PageContext& page, const FormPairs* posted,
                            const std::optional<Error>& error) {
  if (page.actor.IsAnonymous()) return SignInFirst(page);
  auto code = ManagedRegion(page, Action::kManageAgencies);
  if (!code) return ForbiddenPage(page);
  auto store = pool_.Acquire();
  auto agencies = store->ListAgencies(*code);
  auto names = NamesById(agencies);
  View rows = View::array();
  for (const auto& agency : agencies) {
    rows.push_back({{"name", agency.name},
                    {"short_name", agency.short_name},
                    {"url", "/ruang-kerja/perangkat-daerah/" + std::to_string(agency.id)},
                    {"kind", Label(page, "agency_kind", ToString(agency.kind))},
                    {"parent", agency.parent_id ? names[*agency.parent_id] : ""},
                    {"phone", agency.phone},
                    {"email", agency.email}});
  }
  View view = {{"workspace", true}, {"nav_workspace", true}, {"agencies", rows}};
  std::map<std::string, std::string> errors;
  if (error) AddErrors(page, *error, "admin.agency_", view, errors);
  view["fields"] = AgencyFields(page, posted ? *posted : FormPairs{}, errors, agencies, 0);
  if (First(QueryValues(page.request), "pesan") == "agency_added") {
    view["flash"] = Text(page, "flash.agency_added");
  }
  return Render(page, error ? 422 : 200, "agencies_admin", view,
                Text(page, "admin.agencies_heading"));
}

Response Site::AddAgency(const PageContext& page, const PathParams&) {
  auto code = ManagedRegion(page, Action::kManageAgencies);
  if (!code) return ForbiddenPage(page);
  FormPairs form = FormValues(page.request);
  Agency agency;
  auto errors = FromJson(AgencyJson(form), agency, JsonInput::kCreate);
  agency.region_code = *code;
  if (!errors.empty()) return AgenciesPage(page, &form, msg::Invalid(std::move(errors)));
  auto store = api_.StoreFor(page.actor);
  Registry registry(*store, api_.clock());
  auto created = registry.CreateAgency(agency);
  if (!created) return AgenciesPage(page, &form, created.error());
  return Redirect("/ruang-kerja/perangkat-daerah?pesan=agency_added");
}

Response Site::ManageUsers(const PageContext& page, const PathParams&) {
  return UsersPage(page, nullptr, std::nullopt);
}

Response Site::UsersPage(const PageContext& page, const FormPairs* posted,
                         const std::optional<Error>& error) {
  if (page.actor.IsAnonymous()) return SignInFirst(page);
  auto code = ManagedRegion(page, Action::kManageUsers);
  if (!code) return ForbiddenPage(page);
  auto store = pool_.Acquire();
  auto agencies = store->ListAgencies(*code);
  auto names = NamesById(agencies);
  View rows = View::array();
  for (const auto& user : store->ListUsers(*code)) {
    std::string roles;
    for (const auto& grant : user.roles) {
      roles += (roles.empty() ? "" : "; ") + Label(page, "role", ToString(grant.role));
      if (grant.agency_id != 0) roles += " — " + names[grant.agency_id];
    }
    View row = {{"username", user.username},
                {"display_name", user.display_name},
                {"email", user.email},
                {"roles", roles},
                {"state", Text(page, user.disabled ? "admin.disabled" : "admin.active")}};
    // Anyone but oneself can be disabled, and enabled again.
    if (page.actor.user_id != user.id) {
      row["toggle"] = {{"url", "/ruang-kerja/pengguna/" + std::to_string(user.id) + "/status"},
                       {"disabled", user.disabled ? "false" : "true"},
                       {"version", user.version},
                       {"label", Text(page, user.disabled ? "admin.enable" : "admin.disable")},
                       {"who", user.username}};
    }
    rows.push_back(row);
  }
  View view = {{"workspace", true}, {"nav_workspace", true}, {"users", rows}};
  std::map<std::string, std::string> errors;
  if (error) AddErrors(page, *error, "admin.user_", view, errors);
  auto value = [&](std::string_view name) { return posted ? First(*posted, name) : std::string(); };
  View fields = View::array();
  for (std::string_view name : {"username", "display_name", "email"}) {
    fields.push_back(FormField(page, std::string(name),
                               Text(page, "admin.user_" + std::string(name)), value(name), errors,
                               "text", nullptr));
  }
  View password =
      FormField(page, "password", Text(page, "admin.user_password"), "", errors, "text", nullptr);
  password.erase("text");
  password["password"] = true;
  fields.push_back(password);
  View roles = View::array();
  // Jurors are named per competition, which comes with the competition's own pages.
  for (Role role :
       {Role::kAgencyOperator, Role::kAgencyHead, Role::kFacilitator, Role::kRegionAdmin}) {
    std::string spelling(ToString(role));
    roles.push_back({{"value", spelling},
                     {"label", Label(page, "role", spelling)},
                     {"selected", spelling == value("roles")}});
  }
  fields.push_back(
      FormField(page, "roles", Text(page, "admin.user_roles"), "", errors, "select", roles));
  View agency_options = View::array({{{"value", ""}, {"label", Text(page, "admin.no_agency")}}});
  for (const auto& agency : agencies) {
    std::string id = std::to_string(agency.id);
    agency_options.push_back(
        {{"value", id}, {"label", agency.name}, {"selected", id == value("agency")}});
  }
  fields.push_back(FormField(page, "agency", Text(page, "admin.user_agency"), "", errors, "select",
                             agency_options));
  view["fields"] = fields;
  std::string message = First(QueryValues(page.request), "pesan");
  if (message == "user_added" || message == "user_disabled" || message == "user_enabled") {
    view["flash"] = Text(page, "flash." + message);
  }
  int status = !error ? 200 : error->code == ErrorCode::kInvalid ? 422 : 409;
  return Render(page, status, "users_admin", view, Text(page, "admin.users_heading"));
}

Response Site::SetUserStatus(const PageContext& page, const PathParams& params) {
  auto id = ParseId(params.at(0));
  if (!id) return NotFoundPage(page);
  FormPairs form = FormValues(page.request);
  std::string disabled = First(form, "disabled");
  if (disabled != "true" && disabled != "false") return NotFoundPage(page);
  auto version = ParseNumber(First(form, "version"), 1, INT64_MAX);
  auto store = api_.StoreFor(page.actor);
  auto changed =
      api_.SetUserDisabled(*store, page.actor, *id, disabled == "true", version.value_or(0));
  if (!changed) {
    if (changed.error().code == ErrorCode::kNotFound) return NotFoundPage(page);
    return UsersPage(page, nullptr, changed.error());
  }
  return Redirect(std::string("/ruang-kerja/pengguna?pesan=") +
                  (changed->disabled ? "user_disabled" : "user_enabled"));
}

Response Site::AddUser(const PageContext& page, const PathParams&) {
  auto code = ManagedRegion(page, Action::kManageUsers);
  if (!code) return ForbiddenPage(page);
  FormPairs form = FormValues(page.request);
  User user;
  user.username = First(form, "username");
  user.display_name = First(form, "display_name");
  user.email = First(form, "email");
  std::vector<FieldError> errors;
  auto role = Parse<Role>(First(form, "roles"));
  if (!role) {
    errors.push_back(msg::Required("roles"));
  } else if (*role == Role::kAgencyOperator || *role == Role::kAgencyHead) {
    // An agency's role names the agency, which names the region.
    auto agency = ParseId(First(form, "agency"));
    if (agency) {
      user.roles.push_back({*role, "", *agency, 0});
    } else {
      errors.push_back(msg::Required("agency"));
    }
  } else {
    user.roles.push_back({*role, *code, 0, 0});
  }
  auto store = api_.StoreFor(page.actor);
  auto created =
      api_.AddUserToRegion(*store, *code, std::move(user), First(form, "password"), errors);
  if (!created) return UsersPage(page, &form, created.error());
  return Redirect("/ruang-kerja/pengguna?pesan=user_added");
}

}  // namespace lumbung::http
