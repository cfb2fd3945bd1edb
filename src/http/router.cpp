#include "http/router.hpp"

namespace lumbung::http {
namespace {

std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t start = 1;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    parts.emplace_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

}  // namespace

Router::Router(std::vector<Route> routes) : routes_(std::move(routes)) {
  for (const auto& route : routes_) segments_.push_back(Split(route.pattern));
}

Match Router::Find(Method method, std::string_view path) const {
  Match match;
  if (path.empty() || path[0] != '/') return match;
  auto parts = Split(path);
  for (std::size_t r = 0; r < routes_.size(); ++r) {
    const auto& pattern = segments_[r];
    if (pattern.size() != parts.size()) continue;
    PathParams params;
    bool same = true;
    for (std::size_t i = 0; i < parts.size() && same; ++i) {
      if (pattern[i].starts_with('{')) {
        same = !parts[i].empty();
        params.push_back(parts[i]);
      } else {
        same = pattern[i] == parts[i];
      }
    }
    if (!same) continue;
    if (routes_[r].method == method ||
        (method == Method::kHead && routes_[r].method == Method::kGet)) {
      match.route = &routes_[r];
      match.params = std::move(params);
      return match;
    }
    match.allowed.push_back(routes_[r].method);
  }
  return match;
}

}  // namespace lumbung::http
