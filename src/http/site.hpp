// The web pages: the public portal (home, catalogue, innovation and agency pages, open data)
// and the workspace where agencies and the region keep their records. Server-rendered HTML
// that works without JavaScript, in Bahasa Indonesia or English.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "domain/accounts.hpp"
#include "domain/model.hpp"
#include "domain/policy.hpp"
#include "http/api.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "http/site_support.hpp"
#include "web/catalog.hpp"
#include "web/template.hpp"

namespace lumbung::http {

// How the site presents itself.
struct SiteOptions {
  // The region the portal is about: its figures, catalogue and agencies. Empty: every region.
  std::string region_code;
};

// One static file served under /aset/.
struct Asset {
  std::string content_type;
  std::string body;
  std::string gzip_body;
  std::string etag;
  std::string url;  // /aset/<name>?v=<hash>: a new hash for new content, so it caches forever
};

// A clinic form that failed, to show again with what was typed and why it was refused.
struct ClinicPost {
  ClinicEntryKind kind = ClinicEntryKind::kMonitoring;
  std::vector<std::pair<std::string, std::string>> values;
  Error error;
};

// What every handler knows of the request beyond the request itself.
struct PageContext {
  const Request& request;
  Actor actor;
  std::string csrf_token;  // the session's, for the forms of signed-in pages
  web::Language language = web::Language::kIndonesian;
};

class Site {
 public:
  // Compiles the templates (throws web::TemplateError when one is broken).
  Site(Api& api, StorePool& pool, SiteOptions options);
  ~Site();

  // Answers one request for a page; never throws.
  Response Handle(const Request& request);

  // Whether the request hashes a password, which the server runs on its slow pool.
  static bool IsSlow(const Request& request);

  const Router& router() const { return router_; }

 private:
  using PageHandler = Response (Site::*)(const PageContext&, const PathParams&);

  // One row of the site's route table.
  struct PageRoute {
    Method method;
    std::string pattern;
    PageHandler handler;
  };
  static std::vector<PageRoute> Routes();

  // Public pages.
  Response Home(const PageContext& page, const PathParams& params);
  Response Catalogue(const PageContext& page, const PathParams& params);
  Response InnovationPage(const PageContext& page, const PathParams& params);
  Response Agencies(const PageContext& page, const PathParams& params);
  Response AgencyPage(const PageContext& page, const PathParams& params);
  Response OpenData(const PageContext& page, const PathParams& params);
  Response OpenDataFile(const PageContext& page, const PathParams& params);
  Response StaticAsset(const PageContext& page, const PathParams& params);
  Response SwitchLanguage(const PageContext& page, const PathParams& params);
  Response SignInForm(const PageContext& page, const PathParams& params);
  Response SignIn(const PageContext& page, const PathParams& params);
  Response SignOut(const PageContext& page, const PathParams& params);

  // The workspace (site_workspace.cpp).
  Response Dashboard(const PageContext& page, const PathParams& params);
  Response NewInnovation(const PageContext& page, const PathParams& params);
  Response CreateInnovation(const PageContext& page, const PathParams& params);
  Response EditInnovation(const PageContext& page, const PathParams& params);
  Response SaveInnovation(const PageContext& page, const PathParams& params);
  Response StepInnovation(const PageContext& page, const PathParams& params);

  // The clinic (site_clinic.cpp).
  Response RecordClinicEntry(const PageContext& page, const PathParams& params);
  Response AdvanceStage(const PageContext& page, const PathParams& params);
  Response CompliancePage(const PageContext& page, const PathParams& params);
  // The clinic panel of a record page: the stages, the gate, the forms the viewer may use now
  // (`posted` fills one again after a failure) and the journal, newest first.
  web::View ClinicView(const PageContext& page, Store& store, const Innovation& record,
                       const ClinicPost* posted) const;
  // The dashboard's clinic sections: a facilitator's queue, an agency's standing against this
  // year's target.
  void AddClinicSections(const PageContext& page, Store& store, web::View& sections) const;

  // The region's programme (site_programme.cpp): sessions and training, implementation teams,
  // the yearly monitoring and evaluation round, and whether an innovation still runs.
  Response ActivitiesPage(const PageContext& page, const PathParams& params);
  Response AddActivity(const PageContext& page, const PathParams& params);
  Response ActivityPage(const PageContext& page, const PathParams& params);
  Response SaveActivity(const PageContext& page, const PathParams& params);
  Response RemoveActivity(const PageContext& page, const PathParams& params);
  Response TeamsPage(const PageContext& page, const PathParams& params);
  Response AddTeam(const PageContext& page, const PathParams& params);
  Response TeamPage(const PageContext& page, const PathParams& params);
  Response SaveTeam(const PageContext& page, const PathParams& params);
  Response RemoveTeam(const PageContext& page, const PathParams& params);
  Response RoundPage(const PageContext& page, const PathParams& params);
  Response EvaluationPage(const PageContext& page, const PathParams& params);
  Response SaveEvaluation(const PageContext& page, const PathParams& params);
  Response ContinuationPage(const PageContext& page, const PathParams& params);
  Response SaveContinuation(const PageContext& page, const PathParams& params);
  // The pages above with their form filled from `posted` and the error of a failed save.
  Response ActivityForm(const PageContext& page, Store& store, const std::string& region_code,
                        const Activity* activity, const FormPairs* posted,
                        const std::optional<Error>& error);
  Response TeamForm(const PageContext& page, Store& store, const std::string& region_code,
                    const Team* team, const FormPairs* posted, const std::optional<Error>& error);
  Response EvaluationForm(const PageContext& page, Store& store, const Innovation& innovation,
                          int year, const FormPairs* posted, const std::optional<Error>& error);
  Response ContinuationForm(const PageContext& page, const Innovation& innovation,
                            const FormPairs* posted, const std::optional<Error>& error);
  // The record page's programme panel: whether the innovation runs, and its evaluations.
  web::View ProgrammeView(const PageContext& page, Store& store, const Innovation& record) const;

  Response ManageAgencies(const PageContext& page, const PathParams& params);
  Response AddAgency(const PageContext& page, const PathParams& params);
  Response EditAgency(const PageContext& page, const PathParams& params);
  Response SaveAgency(const PageContext& page, const PathParams& params);
  Response SetUserStatus(const PageContext& page, const PathParams& params);
  Response AgencyEditPage(const PageContext& page, const std::string& id,
                          const std::vector<std::pair<std::string, std::string>>* posted,
                          const std::optional<Error>& error);
  // The inputs of the agency form; `editing` is the agency being changed (0 for a new one).
  web::View AgencyFields(const PageContext& page,
                         const std::vector<std::pair<std::string, std::string>>& values,
                         const std::map<std::string, std::string>& errors,
                         const std::vector<Agency>& agencies, Id editing) const;
  Response ManageUsers(const PageContext& page, const PathParams& params);
  Response Duplicates(const PageContext& page, const PathParams& params);
  Response AddUser(const PageContext& page, const PathParams& params);
  // The region's agencies or users with the form to add one, filled again after a failure.
  Response AgenciesPage(const PageContext& page,
                        const std::vector<std::pair<std::string, std::string>>* posted,
                        const std::optional<Error>& error);
  Response UsersPage(const PageContext& page,
                     const std::vector<std::pair<std::string, std::string>>* posted,
                     const std::optional<Error>& error);
  // The region whose `action` (agencies, users) the actor may manage.
  std::optional<std::string> ManagedRegion(const PageContext& page, Action action) const;
  // One input of a simple form; `kind` is the template's flag: text, url, number, select.
  web::View FormField(const PageContext& page, const std::string& name, const std::string& label,
                      const std::string& value, const std::map<std::string, std::string>& errors,
                      std::string_view kind, web::View options) const;
  // Puts a failed form's error summary into `view` and the messages by field into `by_field`;
  // labels come from the catalogue as `label_group` + field.
  void AddErrors(const PageContext& page, const Error& error, std::string_view label_group,
                 web::View& view, std::map<std::string, std::string>& by_field) const;

  // The workspace's record page, with the form's values and errors after a failed save.
  Response RecordPage(const PageContext& page, const Innovation* record,
                      const std::vector<std::pair<std::string, std::string>>* posted,
                      const std::optional<Error>& error, int status,
                      const ClinicPost* clinic = nullptr);

  // A public page from the cache, rendering it with `build` when the data changed since.
  // `build` gets a context without headers or session, so what it renders suits everyone.
  // `key` names the page without what does not change it (an ignored query string), so that
  // made-up addresses cannot fill the cache with copies.
  Response CachedPage(const PageContext& page, const std::string& key,
                      const std::function<Response(const PageContext&)>& build);

  // Renders `name` inside the site's layout.
  Response Render(const PageContext& page, int status, std::string_view name, web::View view,
                  const std::string& title);
  Response NotFoundPage(const PageContext& page);
  Response ForbiddenPage(const PageContext& page);
  // Sends a visitor who is not signed in to the sign-in page, to come back here after.
  Response SignInFirst(const PageContext& page);

  // Texts of the catalogue.
  std::string Text(const PageContext& page, std::string_view key) const;
  // The catalogue's label of an enumeration value: Label(page, "stage", "drum_up").
  std::string Label(const PageContext& page, std::string_view group,
                    std::string_view spelling) const;

  // The views shared by several pages.
  web::View SummaryView(const PageContext& page, const InnovationSummary& item) const;
  // The innovations most like `text` that the viewer may see, linked as `link` + id.
  web::View SimilarView(const PageContext& page, Store& store, std::string_view text,
                        const std::string& region_code, std::optional<Id> exclude,
                        std::string_view link) const;
  web::View DetailView(const PageContext& page, Store& store, const Innovation& innovation,
                       const Actor& viewer) const;
  web::View AgencyContactView(const Agency& agency) const;
  web::View DemoAccountsView(const PageContext& page) const;

  std::optional<Region> SiteRegion(Store& store) const;
  std::string RegionName(Store& store) const;

  Api& api_;
  StorePool& pool_;
  SiteOptions options_;
  web::Catalog catalog_;
  std::unique_ptr<web::Templates> templates_;
  std::map<std::string, Asset, std::less<>> assets_;
  std::vector<PageRoute> page_routes_;
  Router router_;  // matches the paths of page_routes_, in the same order
  // Public pages are up to a few hundred KB with their gzip copy; 1,024 of them bound the
  // memory the cache may take at some tens of MB.
  PageCache cache_{1024};
};

// Whether the request is for the JSON API (/api/..., /healthz) rather than a page.
bool IsApiRequest(const Request& request);

// Whether the request reads a search's results (a GET or HEAD with words in `q`), of the
// catalogue, the API or anywhere else: a search can read many pages of the database.
bool IsSearch(const Request& request);

// The Set-Cookie-free answer that sends the browser elsewhere after a form (303 See Other).
Response Redirect(std::string location);

}  // namespace lumbung::http
