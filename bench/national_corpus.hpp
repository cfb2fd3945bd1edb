// The national installation of the deadline benchmark (PostgreSQL): see national_corpus.cpp.
#pragma once

#include <string>

namespace lumbung::bench {

// Writes `regions` demo regions of `per_region` innovations each through the registry (the
// first is 9971, the demo region), then copies every innovation `copies` - 1 more times in SQL.
// Returns the exit status.
int BuildNationalCorpus(const std::string& url, int regions, int per_region, int copies);

}  // namespace lumbung::bench
