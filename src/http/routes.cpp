// The route table of the HTTP API, top to bottom. Every route here must also stand in the
// OpenAPI document (src/http/openapi.json) and in the permission table of the tests
// (tests/http/permission_test.cpp); tests check both.
#include "http/api.hpp"

namespace lumbung::http {

std::vector<Route> Api::Routes() {
  using M = Method;
  auto plain = [this](Response (Api::*handler)(const Request&, const Actor&)) {
    return [this, handler](const Request& request, const Actor& actor, const PathParams&) {
      return (this->*handler)(request, actor);
    };
  };
  auto with_param = [this](Response (Api::*handler)(const Request&, const Actor&,
                                                    const std::string&)) {
    return [this, handler](const Request& request, const Actor& actor, const PathParams& params) {
      return (this->*handler)(request, actor, params.at(0));
    };
  };
  return {
      {M::kGet, "/healthz", plain(&Api::Healthz)},
      {M::kGet, "/api/openapi.json", plain(&Api::OpenApi)},

      {M::kPost, "/api/v1/session", plain(&Api::CreateSession)},
      {M::kGet, "/api/v1/session", plain(&Api::GetSession)},
      {M::kDelete, "/api/v1/session", plain(&Api::DeleteSession)},
      {M::kGet, "/api/v1/demo-accounts", plain(&Api::DemoAccounts)},

      {M::kGet, "/api/v1/regions", plain(&Api::ListRegions)},
      {M::kPost, "/api/v1/regions", plain(&Api::CreateRegion)},
      {M::kGet, "/api/v1/regions/{code}", with_param(&Api::GetRegion)},
      {M::kPatch, "/api/v1/regions/{code}", with_param(&Api::PatchRegion)},

      {M::kGet, "/api/v1/regions/{code}/agencies", with_param(&Api::ListAgencies)},
      {M::kPost, "/api/v1/regions/{code}/agencies", with_param(&Api::CreateAgency)},
      {M::kGet, "/api/v1/agencies/{id}", with_param(&Api::GetAgency)},
      {M::kPatch, "/api/v1/agencies/{id}", with_param(&Api::PatchAgency)},
      {M::kDelete, "/api/v1/agencies/{id}", with_param(&Api::DeleteAgency)},

      {M::kGet, "/api/v1/regions/{code}/users", with_param(&Api::ListUsers)},
      {M::kPost, "/api/v1/regions/{code}/users", with_param(&Api::CreateUser)},
      {M::kGet, "/api/v1/users/{id}", with_param(&Api::GetUser)},
      {M::kPatch, "/api/v1/users/{id}", with_param(&Api::PatchUser)},
      {M::kGet, "/api/v1/regions/{code}/audit", with_param(&Api::ListAudit)},
      {M::kGet, "/api/v1/regions/{code}/duplicates", with_param(&Api::RegionDuplicates)},

      {M::kGet, "/api/v1/innovations", plain(&Api::ListInnovations)},
      {M::kPost, "/api/v1/innovations", plain(&Api::CreateInnovation)},
      {M::kGet, "/api/v1/innovations/{id}", with_param(&Api::GetInnovation)},
      {M::kPatch, "/api/v1/innovations/{id}", with_param(&Api::PatchInnovation)},
      {M::kDelete, "/api/v1/innovations/{id}", with_param(&Api::DeleteInnovation)},
      {M::kPost, "/api/v1/innovations/{id}/transitions", with_param(&Api::TransitionInnovation)},
      {M::kGet, "/api/v1/innovations/{id}/history", with_param(&Api::InnovationHistory)},
      {M::kGet, "/api/v1/innovations/{id}/similar", with_param(&Api::SimilarInnovations)},
      {M::kPost, "/api/v1/similar", plain(&Api::SimilarToText)},

      {M::kGet, "/api/v1/innovations/{id}/clinic", with_param(&Api::InnovationClinic)},
      {M::kPost, "/api/v1/innovations/{id}/clinic", with_param(&Api::RecordClinicEntry)},
      {M::kPost, "/api/v1/innovations/{id}/stage", with_param(&Api::AdvanceStage)},
      {M::kGet, "/api/v1/regions/{code}/clinic-queue", with_param(&Api::ClinicQueue)},
      {M::kGet, "/api/v1/regions/{code}/compliance", with_param(&Api::RegionCompliance)},

      {M::kGet, "/api/v1/regions/{code}/activities", with_param(&Api::ListActivities)},
      {M::kPost, "/api/v1/regions/{code}/activities", with_param(&Api::CreateActivity)},
      {M::kGet, "/api/v1/activities/{id}", with_param(&Api::GetActivity)},
      {M::kPatch, "/api/v1/activities/{id}", with_param(&Api::PatchActivity)},
      {M::kDelete, "/api/v1/activities/{id}", with_param(&Api::DeleteActivity)},
      {M::kGet, "/api/v1/regions/{code}/teams", with_param(&Api::ListTeams)},
      {M::kPost, "/api/v1/regions/{code}/teams", with_param(&Api::CreateTeam)},
      {M::kGet, "/api/v1/teams/{id}", with_param(&Api::GetTeam)},
      {M::kPatch, "/api/v1/teams/{id}", with_param(&Api::PatchTeam)},
      {M::kDelete, "/api/v1/teams/{id}", with_param(&Api::DeleteTeam)},
      {M::kGet, "/api/v1/regions/{code}/evaluations", with_param(&Api::EvaluationRound)},
      {M::kGet, "/api/v1/innovations/{id}/evaluations", with_param(&Api::InnovationEvaluations)},
      {M::kPost, "/api/v1/innovations/{id}/evaluations", with_param(&Api::RecordEvaluation)},
      {M::kPost, "/api/v1/innovations/{id}/continuation", with_param(&Api::SetContinuation)},
  };
}

}  // namespace lumbung::http
