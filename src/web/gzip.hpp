// gzip compression for responses (zlib).
#pragma once

#include <string>
#include <string_view>

namespace lumbung::web {

// `data` compressed in the gzip format, as browsers accept with Content-Encoding: gzip.
std::string Gzip(std::string_view data);

}  // namespace lumbung::web
