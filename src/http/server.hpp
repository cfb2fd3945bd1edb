// The HTTP/1.1 server: accepts connections, reads requests, hands them to a handler, writes
// the responses, and logs one line per request. The only user of Boost.Beast.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "domain/result.hpp"
#include "http/message.hpp"

namespace lumbung::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0 picks a free port
  int threads = 0;             // 0: one per core
  bool log_requests = true;
  // Requests that do slow work (hashing a password) run on a small pool of their own, at
  // most `slow_limit` at a time; past that they get 503 at once, so a burst of them never
  // holds up everyone else.
  std::function<bool(const Request&)> is_slow;
  int slow_threads = 2;
  int slow_limit = 32;
  // Requests that change data run on a pool of their own, `write_threads` wide. A write waits
  // for the database's writers to take turns and for its commit to reach the disk; on the
  // serving threads that wait would hold up every read queued behind it. Writes beyond the
  // pool's width wait for a thread of it, never for a serving thread.
  std::function<bool(const Request&)> is_write;
  int write_threads = 4;
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
