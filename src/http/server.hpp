// The HTTP/1.1 server: accepts connections, reads requests, hands them to a handler, writes
// the responses, and logs one line per request. The only user of Boost.Beast.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "domain/result.hpp"
#include "http/message.hpp"

namespace lumbung::http {

// A kind of request that runs on a pool of threads of its own, while the connection's
// coroutine waits: whatever such a request waits for (a password hash, the database writers'
// turn, a search reading pages from disk) then holds none of the serving threads that every
// other request queues behind.
struct Lane {
  std::function<bool(const Request&)> takes;
  int threads = 2;
  // At most this many at a time; past that they get 503 at once, so that a burst of them
  // never fills the queue. 0: no bound; they wait for a thread of the lane.
  int limit = 0;
};

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0 picks a free port
  int threads = 0;             // 0: one per core
  bool log_requests = true;
  // A request runs on the first lane that takes it, and on the serving threads when none does.
  std::vector<Lane> lanes;
};

using RequestHandler = std::function<Response(const Request&)>;

// A running server. Handlers run on the server's threads and must be thread-safe.
class Server {
 public:
  Server(ServerOptions options, RequestHandler handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts serving on background threads.
  Status Start();
  // The port the server listens on (useful with port 0).
  unsigned short port() const;
  // Blocks until SIGINT or SIGTERM arrives, then stops.
  void WaitForSignal();
  // Stops accepting, ends the connections, and joins the threads.
  void Stop();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace lumbung::http
