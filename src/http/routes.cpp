// The route table of the HTTP API, top to bottom. Every route here must also stand in the
// OpenAPI document (src/http/openapi.json); a test checks that it does.
#include "http/api.hpp"

namespace lumbung::http {

std::vector<Route> Api::Routes() {
  using M = Method;
  auto plain = [this](Response (Api::*handler)(const Request&)) {
    return [this, handler](const Request& request, const PathParams&) {
      return (this->*handler)(request);
    };
  };
  auto with_param = [this](Response (Api::*handler)(const Request&, const std::string&)) {
    return [this, handler](const Request& request, const PathParams& params) {
      return (this->*handler)(request, params.at(0));
    };
  };
  return {
      {M::kGet, "/", plain(&Api::Index)},
      {M::kGet, "/healthz", plain(&Api::Healthz)},
      {M::kGet, "/api/openapi.json", plain(&Api::OpenApi)},

      {M::kGet, "/api/v1/regions", plain(&Api::ListRegions)},
      {M::kPost, "/api/v1/regions", plain(&Api::CreateRegion)},
      {M::kGet, "/api/v1/regions/{code}", with_param(&Api::GetRegion)},

      {M::kGet, "/api/v1/regions/{code}/agencies", with_param(&Api::ListAgencies)},
      {M::kPost, "/api/v1/regions/{code}/agencies", with_param(&Api::CreateAgency)},
      {M::kGet, "/api/v1/agencies/{id}", with_param(&Api::GetAgency)},
      {M::kPatch, "/api/v1/agencies/{id}", with_param(&Api::PatchAgency)},
      {M::kDelete, "/api/v1/agencies/{id}", with_param(&Api::DeleteAgency)},

      {M::kGet, "/api/v1/innovations", plain(&Api::ListInnovations)},
      {M::kPost, "/api/v1/innovations", plain(&Api::CreateInnovation)},
      {M::kGet, "/api/v1/innovations/{id}", with_param(&Api::GetInnovation)},
      {M::kPatch, "/api/v1/innovations/{id}", with_param(&Api::PatchInnovation)},
      {M::kDelete, "/api/v1/innovations/{id}", with_param(&Api::DeleteInnovation)},
  };
}

}  // namespace lumbung::http
