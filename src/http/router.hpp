// Matching a request's method and path to a handler in the route table.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/accounts.hpp"
#include "http/message.hpp"

namespace lumbung::http {

// The values of a path's {name} segments, in order.
using PathParams = std::vector<std::string>;

// A route's handler: the request, who sent it, and the values of its path.
using Handler = std::function<Response(const Request&, const Actor&, const PathParams&)>;

// One row of the route table.
struct Route {
  Method method;
  std::string pattern;  // "/api/v1/innovations/{id}"
  Handler handler;
};

// What matching found: a handler, a path with other methods only, or nothing.
struct Match {
  const Route* route = nullptr;
  PathParams params;
  std::vector<Method> allowed;  // when the path exists but not for this method
};

class Router {
 public:
  explicit Router(std::vector<Route> routes);
  Match Find(Method method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;  // each pattern split at '/'
};

}  // namespace lumbung::http
