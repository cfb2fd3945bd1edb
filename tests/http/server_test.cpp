// The real server on a loopback socket: framing, limits and headers that only exist on the wire.
#include "http/server.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "http/api_fixture.hpp"

namespace lumbung::http {
namespace {

// Sends `raw` to 127.0.0.1:port and reads until the server closes the connection.
std::string Exchange(unsigned short port, const std::string& raw) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return "";
  }
  std::size_t sent = 0;
  while (sent < raw.size()) {
    auto n = ::send(fd, raw.data() + sent, raw.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may close early, e.g. after refusing a large body
    sent += static_cast<std::size_t>(n);
  }
  ::shutdown(fd, SHUT_WR);
  std::string reply;
  char buffer[65536];
  while (true) {
    auto n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    reply.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return reply;
}

int Count(const std::string& text, const std::string& needle) {
  int count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++count;
  return count;
}

class ServerTest : public ApiTest {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.log_requests = false;
    server_ =
        std::make_unique<Server>(options, [this](const Request& r) { return api_.Handle(r); });
    ASSERT_TRUE(server_->Start());
  }
  void TearDown() override { server_->Stop(); }

  std::unique_ptr<Server> server_;
};

TEST_F(ServerTest, AnswersWithSecurityHeaders) {
  auto reply =
      Exchange(server_->port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(reply.starts_with("HTTP/1.1 200 OK")) << reply;
  EXPECT_NE(reply.find("X-Content-Type-Options: nosniff"), std::string::npos);
  EXPECT_NE(reply.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_NE(reply.find("Referrer-Policy: same-origin"), std::string::npos);
  EXPECT_NE(reply.find("{\"status\":\"ok\"}"), std::string::npos);
}

TEST_F(ServerTest, KeepsConnectionsAlive) {
  std::string two =
      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  EXPECT_EQ(Count(Exchange(server_->port(), two), "HTTP/1.1 200 OK"), 2);
}

TEST_F(ServerTest, RefusesABodyOverOneMebibyte) {
  Seed();
  std::string body(1024 * 1024 + 10, ' ');
  std::string request =
      "POST /api/v1/innovations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body;
  auto reply = Exchange(server_->port(), request);
  EXPECT_TRUE(reply.starts_with("HTTP/1.1 413")) << reply.substr(0, 200);
  EXPECT_NE(reply.find("application/problem+json"), std::string::npos);
  EXPECT_EQ(db_.store().ListInnovations({}).total, 0);
}

TEST_F(ServerTest, AnswersGarbageWithBadRequest) {
  auto reply = Exchange(server_->port(), "NOT HTTP AT ALL\r\n\r\n");
  EXPECT_TRUE(reply.starts_with("HTTP/1.1 400")) << reply;
}

TEST_F(ServerTest, HeadHasNoBody) {
  auto reply =
      Exchange(server_->port(), "HEAD /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(reply.starts_with("HTTP/1.1 200 OK")) << reply;
  EXPECT_NE(reply.find("Content-Length: 15"), std::string::npos) << reply;
  EXPECT_EQ(reply.find("{\"status\""), std::string::npos);
}

TEST(Server, SlowRequestsRunOffTheServingThreads) {
  // One serving thread; a slow request blocks for a while on the slow pool, and a fast one
  // sent meanwhile is answered before it finishes.
  std::atomic<bool> release{false};
  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  options.log_requests = false;
  options.lanes.push_back({[](const Request& r) { return r.Path() == "/slow"; }, 2, 32});
  std::thread::id serving_thread;
  std::thread::id slow_thread;
  Server server(options, [&](const Request& r) {
    Response response;
    if (r.Path() == "/slow") {
      slow_thread = std::this_thread::get_id();
      while (!release.load()) std::this_thread::yield();
    } else {
      serving_thread = std::this_thread::get_id();
    }
    return response;
  });
  ASSERT_TRUE(server.Start());
  std::thread slow([&] {
    Exchange(server.port(), "GET /slow HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  });
  while (slow_thread == std::thread::id()) std::this_thread::yield();
  auto fast = Exchange(server.port(), "GET /fast HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(fast.starts_with("HTTP/1.1 200")) << fast;
  EXPECT_NE(serving_thread, slow_thread);
  release.store(true);
  slow.join();
  server.Stop();
}

TEST(Server, WritesRunOffTheServingThreads) {
  // One serving thread; a write waits on the writers' pool (as for the database's writer's
  // turn) while a read sent meanwhile is answered, and a second write still gets its own turn.
  std::atomic<bool> release{false};
  std::atomic<int> writing{0};
  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  options.log_requests = false;
  options.lanes.push_back({[](const Request& r) { return r.method == Method::kPost; }, 2, 0});
  std::thread::id serving_thread;
  Server server(options, [&](const Request& r) {
    Response response;
    if (r.method == Method::kPost) {
      ++writing;
      while (!release.load()) std::this_thread::yield();
    } else {
      serving_thread = std::this_thread::get_id();
    }
    return response;
  });
  ASSERT_TRUE(server.Start());
  auto post = [&] {
    return Exchange(
        server.port(),
        "POST /w HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  };
  std::string first_reply, second_reply;
  std::thread first([&] { first_reply = post(); });
  std::thread second([&] { second_reply = post(); });
  while (writing.load() < 2) std::this_thread::yield();
  auto read = Exchange(server.port(), "GET /r HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(read.starts_with("HTTP/1.1 200")) << read;
  EXPECT_NE(serving_thread, std::thread::id());
  release.store(true);
  first.join();
  second.join();
  EXPECT_TRUE(first_reply.starts_with("HTTP/1.1 200")) << first_reply;
  EXPECT_TRUE(second_reply.starts_with("HTTP/1.1 200")) << second_reply;
  server.Stop();
}

TEST(Server, ABusyLaneAnswers503AtOnce) {
  std::atomic<bool> release{false};
  std::atomic<bool> hashing{false};
  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  options.log_requests = false;
  options.lanes.push_back({[](const Request& r) { return r.Path() == "/hash"; }, 1, 1});
  Server server(options, [&](const Request&) {
    hashing.store(true);
    while (!release.load()) std::this_thread::yield();
    return Response{};
  });
  ASSERT_TRUE(server.Start());
  std::string first_reply;
  std::thread first([&] {
    first_reply =
        Exchange(server.port(), "GET /hash HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  });
  while (!hashing.load()) std::this_thread::yield();
  auto second =
      Exchange(server.port(), "GET /hash HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(second.starts_with("HTTP/1.1 503")) << second;
  EXPECT_NE(second.find("Retry-After: 2"), std::string::npos) << second;
  release.store(true);
  first.join();
  EXPECT_TRUE(first_reply.starts_with("HTTP/1.1 200")) << first_reply;
  server.Stop();
}

TEST(Server, ReportsAPortInUse) {
  ServerOptions options;
  options.port = 0;
  options.log_requests = false;
  Server first(options, [](const Request&) { return Response{}; });
  ASSERT_TRUE(first.Start());
  options.port = first.port();
  Server second(options, [](const Request&) { return Response{}; });
  auto started = second.Start();
  ASSERT_FALSE(started);
  EXPECT_NE(started.error().title.en.find("--listen"), std::string::npos);
}

}  // namespace
}  // namespace lumbung::http
