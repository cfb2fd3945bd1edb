#include "http/server.hpp"

// Boost 1.74's Asio needs <utility> before its headers when coroutines are on.
#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "http/problem.hpp"

namespace lumbung::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

constexpr std::size_t kBodyLimit = 1024 * 1024;
constexpr std::size_t kHeaderLimit = 16 * 1024;
constexpr auto kIdleTimeout = std::chrono::seconds(30);

// Security headers every response carries.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

// Collects log lines and writes them to stderr in batches from its own thread, so that
// logging every request costs a memory copy rather than a system call.
class RequestLog {
 public:
  RequestLog() : writer_([this] { Run(); }) {}
  ~RequestLog() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    writer_.join();
  }

  void Append(std::string_view line) {
    std::lock_guard lock(mutex_);
    pending_.append(line);
  }

 private:
  void Run() {
    std::string batch;
    std::unique_lock lock(mutex_);
    while (true) {
      wake_.wait_for(lock, std::chrono::milliseconds(100), [this] { return stopping_; });
      batch.swap(pending_);
      bool stop = stopping_;
      lock.unlock();
      if (!batch.empty()) {
        std::fwrite(batch.data(), 1, batch.size(), stderr);
        std::fflush(stderr);
        batch.clear();
      }
      if (stop) return;
      lock.lock();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::string pending_;
  bool stopping_ = false;
  std::thread writer_;
};

// A response body that is a shared, immutable string: a page from the cache goes out to
// every client without being copied.
struct SharedStringBody {
  using value_type = std::shared_ptr<const std::string>;

  static std::uint64_t size(const value_type& body) { return body ? body->size() : 0; }

  class writer {
   public:
    using const_buffers_type = asio::const_buffer;

    template <bool kIsRequest, class Fields>
    writer(const bhttp::header<kIsRequest, Fields>&, const value_type& body) : body_(body) {}

    void init(beast::error_code& ec) { ec = {}; }

    boost::optional<std::pair<const_buffers_type, bool>> get(beast::error_code& ec) {
      ec = {};
      if (!body_ || body_->empty()) return boost::none;
      return {{asio::const_buffer(body_->data(), body_->size()), false}};
    }

   private:
    const value_type& body_;
  };
};

Method MethodOf(bhttp::verb verb) {
  switch (verb) {
    case bhttp::verb::get:
      return Method::kGet;
    case bhttp::verb::head:
      return Method::kHead;
    case bhttp::verb::post:
      return Method::kPost;
    case bhttp::verb::put:
      return Method::kPut;
    case bhttp::verb::patch:
      return Method::kPatch;
    case bhttp::verb::delete_:
      return Method::kDelete;
    case bhttp::verb::options:
      return Method::kOptions;
    default:
      return Method::kOther;
  }
}

Request ToRequest(bhttp::request<bhttp::string_body>&& message, const std::string& remote) {
  Request request;
  request.method = MethodOf(message.method());
  request.target = std::string(message.target());
  request.headers.reserve(8);
  for (const auto& field : message) {
    std::string name(field.name_string());
    for (char& c : name) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    request.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  request.body = std::move(message.body());
  request.remote_address = remote;
  return request;
}

bhttp::response<SharedStringBody> ToMessage(Response&& response, unsigned version, bool keep_alive,
                                            bool head) {
  bhttp::response<SharedStringBody> message{static_cast<bhttp::status>(response.status), version};
  message.set(bhttp::field::server, "Lumbung");
  auto body = response.shared_body ? std::move(response.shared_body)
                                   : std::make_shared<const std::string>(std::move(response.body));
  if (!body->empty() || response.status == 200) {
    message.set(bhttp::field::content_type, response.content_type);
  }
  message.set("X-Content-Type-Options", "nosniff");
  message.set("Referrer-Policy", "same-origin");
  message.set("Content-Security-Policy",
              boost::string_view(kContentSecurityPolicy.data(), kContentSecurityPolicy.size()));
  for (auto& [name, value] : response.headers) {
    // A value with a line break would end the header early and start one of the client's
    // choosing; no handler means to send one, so it is dropped rather than sent.
    if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos ||
        name.find_first_of(std::string_view("\r\n\0:", 4)) != std::string::npos) {
      std::fprintf(stderr, "error: dropped header %s with a line break in it\n", name.c_str());
      continue;
    }
    // Each cookie is a header of its own; any other header named twice takes the last value.
    if (boost::beast::iequals(name, "set-cookie")) {
      message.insert(name, value);
    } else {
      message.set(name, value);
    }
  }
  message.keep_alive(keep_alive);
  std::size_t length = body->size();
  if (!head) message.body() = std::move(body);
  message.content_length(length);
  return message;
}

}  // namespace

struct Server::State {
  ServerOptions options;
  RequestHandler handler;
  asio::io_context io;
  tcp::acceptor acceptor{io};
  std::vector<std::thread> threads;
  std::unique_ptr<RequestLog> log;
  unsigned short port = 0;
  // Each lane's pool and how many of its requests are in flight, in the order of
  // options.lanes.
  struct LanePool {
    Lane lane;
    asio::thread_pool pool;
    std::atomic<int> in_flight{0};
    explicit LanePool(const Lane& of) : lane(of), pool(std::max(1, of.threads)) {}
  };
  std::vector<std::unique_ptr<LanePool>> lanes;

  // Runs the handler: on the pool of the first lane that takes the request, while this
  // connection's coroutine waits, or else on the serving thread that read it.
  asio::awaitable<Response> Answer(const Request& request) {
    for (auto& lane : lanes) {
      if (!lane->lane.takes || !lane->lane.takes(request)) continue;
      const int limit = lane->lane.limit;
      if (lane->in_flight.fetch_add(1) >= limit && limit > 0) {
        lane->in_flight.fetch_sub(1);
        Response busy = Problem(request, {ErrorCode::kUnavailable,
                                          {"Server sedang sibuk. Coba lagi beberapa detik lagi.",
                                           "The server is busy. Try again in a few seconds."},
                                          {}});
        co_return busy.With("Retry-After", "2");
      }
      // Gives the slot back however the handler ends.
      struct Release {
        std::atomic<int>& count;
        ~Release() { count.fetch_sub(1); }
      } release{lane->in_flight};
      co_return co_await asio::co_spawn(
          lane->pool.get_executor(),
          [this, &request]() -> asio::awaitable<Response> { co_return handler(request); },
          asio::use_awaitable);
    }
    co_return handler(request);
  }

  void LogLine(const Request& request, int status, std::chrono::steady_clock::duration took) {
    if (!log) return;
    char line[2048];
    double ms = std::chrono::duration<double, std::milli>(took).count();
    int n = std::snprintf(line, sizeof line, "%.*s %.*s %d %.3fms\n",
                          static_cast<int>(MethodName(request.method).size()),
                          MethodName(request.method).data(),
                          static_cast<int>(std::min<std::size_t>(request.target.size(), 1800)),
                          request.target.data(), status, ms);
    if (n > 0) log->Append(std::string_view(line, std::min<std::size_t>(n, sizeof line - 1)));
  }

  asio::awaitable<void> Session(beast::tcp_stream stream) {
    beast::flat_buffer buffer;
    beast::error_code ec;
    std::string remote;
    {
      auto endpoint = stream.socket().remote_endpoint(ec);
      if (!ec) remote = endpoint.address().to_string();
    }
    while (true) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.body_limit(kBodyLimit);
      parser.header_limit(kHeaderLimit);
      stream.expires_after(kIdleTimeout);
      co_await bhttp::async_read(stream, buffer, parser,
                                 asio::redirect_error(asio::use_awaitable, ec));
      auto started = std::chrono::steady_clock::now();
      if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
          ec == asio::error::connection_reset || ec == asio::error::eof) {
        break;
      }
      if (ec) {
        // A request that cannot be parsed gets an answer before the connection closes.
        Request partial;
        partial.target = std::string(parser.get().target());
        partial.method = MethodOf(parser.get().method());
        Error error = ec == bhttp::error::body_limit
                          ? BodyTooLarge()
                          : Error{ErrorCode::kMalformed,
                                  {"Permintaan HTTP rusak: " + ec.message(),
                                   "Malformed HTTP request: " + ec.message()},
                                  {}};
        Response response = Problem(partial, error);
        int status = response.status;
        auto message = ToMessage(std::move(response), 11, false, false);
        co_await bhttp::async_write(stream, message, asio::redirect_error(asio::use_awaitable, ec));
        LogLine(partial, status, std::chrono::steady_clock::now() - started);
        break;
      }
      auto raw = parser.release();
      bool keep_alive = raw.keep_alive();
      unsigned version = raw.version();
      Request request = ToRequest(std::move(raw), remote);
      Response response = co_await Answer(request);
      int status = response.status;
      auto message =
          ToMessage(std::move(response), version, keep_alive, request.method == Method::kHead);
      co_await bhttp::async_write(stream, message, asio::redirect_error(asio::use_awaitable, ec));
      LogLine(request, status, std::chrono::steady_clock::now() - started);
      if (ec || !keep_alive) break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  asio::awaitable<void> Accept() {
    while (acceptor.is_open()) {
      beast::error_code ec;
      tcp::socket socket =
          co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
      if (ec) {
        if (ec == asio::error::operation_aborted) break;
        continue;
      }
      socket.set_option(tcp::no_delay(true), ec);
      asio::co_spawn(acceptor.get_executor(), Session(beast::tcp_stream(std::move(socket))),
                     asio::detached);
    }
  }
};

Server::Server(ServerOptions options, RequestHandler handler) : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
  state_->handler = std::move(handler);
}

Server::~Server() { Stop(); }

Status Server::Start() {
  beast::error_code ec;
  auto address = asio::ip::make_address(state_->options.address, ec);
  if (ec) {
    return Error{ErrorCode::kInvalid,
                 {"Alamat dengar tidak sah: " + state_->options.address,
                  "Not a valid listen address: " + state_->options.address},
                 {}};
  }
  tcp::endpoint endpoint{address, state_->options.port};
  auto& acceptor = state_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    std::string where = state_->options.address + ":" + std::to_string(state_->options.port);
    return Error{ErrorCode::kConflict,
                 {"Tidak dapat mendengarkan di " + where + ": " + ec.message() +
                      ". Pilih port lain dengan --listen.",
                  "Cannot listen on " + where + ": " + ec.message() +
                      ". Choose another port with --listen."},
                 {}};
  }
  state_->port = acceptor.local_endpoint().port();
  if (state_->options.log_requests) state_->log = std::make_unique<RequestLog>();
  for (const Lane& lane : state_->options.lanes) {
    state_->lanes.push_back(std::make_unique<State::LanePool>(lane));
  }
  asio::co_spawn(state_->io, state_->Accept(), asio::detached);
  int threads = state_->options.threads > 0
                    ? state_->options.threads
                    : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  for (int i = 0; i < threads; ++i) {
    state_->threads.emplace_back([this] { state_->io.run(); });
  }
  return Ok();
}

unsigned short Server::port() const { return state_->port; }

void Server::WaitForSignal() {
  asio::io_context signals_io;
  asio::signal_set signals(signals_io, SIGINT, SIGTERM);
  signals.async_wait([](const beast::error_code&, int) {});
  signals_io.run();
  Stop();
}

void Server::Stop() {
  if (!state_) return;
  state_->io.stop();
  for (auto& thread : state_->threads) {
    if (thread.joinable()) thread.join();
  }
  state_->threads.clear();
  for (auto& lane : state_->lanes) {
    lane->pool.stop();
    lane->pool.join();
  }
  state_->lanes.clear();
  beast::error_code ignored;
  state_->acceptor.close(ignored);
  state_->log.reset();
}

}  // namespace lumbung::http
