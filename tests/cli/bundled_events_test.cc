// The bundled event store of events coded from records, through the built `dyad`: with no
// --store, `dyad events series KGZ USA` and `dyad report KGZ USA` answer from it (no
// ../shared, no ingest), the dossier says its events are coded from records, and a
// user's --store still wins.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "base/file.h"
#include "events/records.h"
#include "events/store.h"

#include "../cli_runner.h"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace fs = std::filesystem;

using dyad::testing::CmdResult;

CmdResult Dyad(const std::string& args) { return dyad::testing::DyadStdout(args); }

class BundledEvents : public ::testing::Test {
 protected:
  void SetUp() override {
    if (dyad::FileExists(dyad::events::UserStoreDir() + "/MANIFEST"))
      GTEST_SKIP() << "a user store at " << dyad::events::UserStoreDir() << " is the default instead";
    if (!dyad::FileExists(dyad::events::BundledStoreDir() + "/MANIFEST"))
      GTEST_SKIP() << "the bundled store is not built (" << dyad::events::BundledStoreDir() << ")";
  }
};

TEST_F(BundledEvents, SeriesKgzUsaHoldsTheKerryVisitMonthWithoutAStoreOption) {
  CmdResult r = Dyad("events series KGZ USA --both --by month --from 2015-09 --to 2015-11 --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("\n2015-10,2,4.7,2.350,2,0,0,0\n")) << r.output;  // 042 and 043
  EXPECT_THAT(r.output, HasSubstr("\n2015-09,0,"));
  EXPECT_THAT(r.output, HasSubstr("\n2015-11,0,"));
}

TEST_F(BundledEvents, SeriesResolvesNamesToTheStoresCodes) {
  CmdResult by_name = Dyad("events series Kyrgyzstan \"United States\" --by year --from 2015 --to 2015 --format csv");
  CmdResult by_key = Dyad("events series KGZ USA --by year --from 2015 --to 2015 --format csv");
  ASSERT_EQ(by_name.exit_code, 0);
  EXPECT_EQ(by_name.output, by_key.output);
  EXPECT_THAT(by_key.output, Not(HasSubstr("\n2015,0,")));
}

TEST_F(BundledEvents, RecordsListEachEventWithTheRecordItCameFrom) {
  CmdResult r = Dyad("events records USA KGZ --from 2015-10-31 --to 2015-10-31 --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("2015-10-31,USA,KGZ,042,1.9,CONSULT,Make a visit,historian:travels:secretary-travels,"
                               "secretary-travels/kerry-john-forbes.xml#3592"));
  // A year-precision record shows its year only.
  CmdResult mid = Dyad("events records USA GBR --from 1902 --to 1902 --format csv");
  EXPECT_THAT(mid.output, HasSubstr("\n1902,USA,GBR,150,-7.2,"));
  EXPECT_THAT(mid.output, HasSubstr("relations:mid,conflict/cow_mid_dirdisps.csv row 1 (dispute 2)"));
}

TEST_F(BundledEvents, ReportKgzUsaHasTheEventIndexLabelledAsCodedFromRecords) {
  CmdResult md = Dyad("report KGZ USA --format md");
  ASSERT_EQ(md.exit_code, 0);
  EXPECT_THAT(md.output, HasSubstr("## Event-based relations index"));
  EXPECT_THAT(md.output, Not(HasSubstr("No event store was given")));
  EXPECT_THAT(md.output, HasSubstr("events coded from records, not from news"));
  EXPECT_THAT(md.output, HasSubstr("| 042 | Make a visit |"));
  CmdResult js = Dyad("report KGZ USA --format json");
  ASSERT_EQ(js.exit_code, 0);
  nlohmann::json j = nlohmann::json::parse(js.output, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_TRUE(j["events"]["available"].get<bool>());
  EXPECT_THAT(j["events"]["store"].get<std::string>(), HasSubstr("coded from records"));
  EXPECT_GT(j["events"]["total"].get<int>(), 10);
}

TEST_F(BundledEvents, AUsersStoreOptionStillWins) {
  char tmpl[] = "/tmp/dyad-bundled-XXXXXX";
  const std::string dir = std::string(mkdtemp(tmpl)) + "/store";
  ASSERT_TRUE(dyad::events::Store::OpenForWrite(dir).ok());  // an empty store
  CmdResult md = Dyad("report KGZ USA --format md --store " + dir);
  EXPECT_EQ(md.exit_code, 0);
  EXPECT_THAT(md.output, HasSubstr("The event store holds no events between KGZ and USA."));
  EXPECT_THAT(md.output, Not(HasSubstr("coded from records")));
  CmdResult s = Dyad("events series KGZ USA --by year --from 2015 --to 2015 --format csv --store " + dir);
  EXPECT_EQ(s.exit_code, 0);
  EXPECT_THAT(s.output, HasSubstr("\n2015,0,"));
  fs::remove_all(fs::path(dir).parent_path());
}

// `dyad serve --port 0` with no --store, on loopback: its pair events API and dossier
// answer from the bundled store.
class Served {
 public:
  Served() {
    int out[2];
    if (pipe(out) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], 1);
      close(out[0]);
      execl(DYAD_BINARY, DYAD_BINARY, "serve", "--port", "0", static_cast<char*>(nullptr));
      _exit(127);
    }
    close(out[1]);
    FILE* f = fdopen(out[0], "r");
    char line[512];
    while (f != nullptr && fgets(line, sizeof line, f) != nullptr)
      if (sscanf(line, "dyad serve: listening on http://127.0.0.1:%d/", &port_) == 1) break;
    if (f != nullptr) fclose(f);
  }
  ~Served() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
  int port() const { return port_; }
  // The body of GET `path` (HTTP/1.0: the server closes after the answer).
  std::string Get(const std::string& path) const {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port_));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string reply;
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
      std::string req = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
      if (write(fd, req.data(), req.size()) == static_cast<ssize_t>(req.size())) {
        char buf[8192];
        ssize_t n;
        while ((n = read(fd, buf, sizeof buf)) > 0) reply.append(buf, static_cast<size_t>(n));
      }
    }
    close(fd);
    size_t body = reply.find("\r\n\r\n");
    return body == std::string::npos ? reply : reply.substr(body + 4);
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

TEST_F(BundledEvents, ServeAnswersPairEventsAndTheDossierFromTheBundledStore) {
  Served server;
  ASSERT_GT(server.port(), 0) << "dyad serve did not start";
  nlohmann::json series =
      nlohmann::json::parse(server.Get("/api/pairs/KGZ/USA/events/series?by=year&both=true&from=2015&to=2015"), nullptr, false);
  ASSERT_FALSE(series.is_discarded());
  ASSERT_EQ(series["series"].size(), 1u) << series.dump();
  EXPECT_EQ(series["series"][0]["count"], 5) << series.dump();  // 2015: the Kerry visit both ways, three curated
  EXPECT_THAT(series["coverage"].get<std::string>(), HasSubstr("coded from records"));
  nlohmann::json dossier = nlohmann::json::parse(server.Get("/api/pairs/KGZ/USA/dossier"), nullptr, false);
  ASSERT_FALSE(dossier.is_discarded());
  const nlohmann::json& events = dossier["dossier"]["events"];
  ASSERT_TRUE(events.is_object()) << dossier.dump().substr(0, 400);
  EXPECT_TRUE(events["available"].get<bool>()) << events.dump();
  EXPECT_THAT(events["store"].get<std::string>(), HasSubstr("events coded from records, not from news"));
}

}  // namespace
