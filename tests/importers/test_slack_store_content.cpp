// What a Slack import writes to a store, table by table: a representative export (threads and
// replies across days, broadcasts, reactions by people and bots, files old and new, file
// comments, bots, system messages, unknown users, private channels, bad ts, a file that is not
// JSON) large enough to overflow the session's string and object caches. The expected digests
// were taken from the importer before it was made faster (issue #4), so a faster import must
// store exactly the same content.
#include <catch2/catch.hpp>
#include <map>

#include "importers/import_file.h"
#include "model/sqlite_util.h"
#include "model/store.h"
#include "tests/support/test_support.h"

using namespace orglens;
using orglens::test::writeFile;

namespace {

std::string userId(int u) {
  return u < 0 ? "U" + std::to_string(900 - u) : "U" + std::to_string(u);  // < 0: unknown
}

/// One message of the generated export; `n` drives every choice, so the export is fixed.
std::string messageJson(const std::string& channel, std::uint64_t day, int m,
                        std::vector<std::string>& parents) {
  const std::uint64_t n = day * 1000 + static_cast<std::uint64_t>(m) + channel.size();
  const std::string ts = std::to_string(1'700'000'000 + day * 86'400 + std::uint64_t(m) * 30) +
                         "." + std::to_string(100000 + (n * 7919) % 900000);
  const int user = static_cast<int>((n * 31) % 40);
  std::string j = "{\"type\":\"message\",\"text\":\"not stored\",\"ts\":\"" + ts + "\"";
  const auto kind = n % 23;
  auto userField = [&](int u) { j += ",\"user\":\"" + userId(u) + "\""; };
  if (kind == 0) {  // a bot post (newer exports: bot_id)
    j += ",\"subtype\":\"bot_message\",\"bot_id\":\"B1\"";
  } else if (kind == 1) {  // system message
    j += ",\"subtype\":\"channel_join\"";
    userField(user);
  } else if (kind == 2) {  // file comment by someone
    j += ",\"subtype\":\"file_comment\",\"comment\":{\"user\":\"" + userId(user) +
         "\"},\"file\":{\"id\":\"F" + std::to_string(n % 97) + "\",\"name\":\"f.txt\"}";
  } else if (kind == 3 && m == 0) {  // bad ts (once a day)
    j = "{\"type\":\"message\",\"user\":\"U1\",\"ts\":\"yesterday\"";
  } else if (kind == 4) {  // a post by a user missing from users.json
    userField(-static_cast<int>(n % 3) - 1);
  } else if (kind == 5) {
    userField(static_cast<int>(40 + n % 2));  // bot users (is_bot / USLACKBOT)
  } else {
    userField(user);
  }
  if (kind >= 6 && kind <= 9 && !parents.empty()) {  // a reply, maybe days after its parent
    const auto& parent = parents[(n * 13) % parents.size()];
    j += ",\"thread_ts\":\"" + parent + "\",\"parent_user_id\":\"U1\"";
    if (kind == 7) j += ",\"subtype\":\"thread_broadcast\"";
  } else if (kind >= 10 && kind <= 13) {  // a thread parent
    j += ",\"thread_ts\":\"" + ts + "\",\"reply_count\":1";
    parents.push_back(ts);
    if (parents.size() > 500) parents.erase(parents.begin());
  }
  if (n % 5 == 0)
    j += ",\"reactions\":[{\"name\":\"+1\",\"users\":[\"" + userId(user) +
         "\",\"U41\"]},{\"name\":\"" + std::string(n % 2 ? "eyes" : "") + "\",\"users\":[\"" +
         userId((user + 3) % 40) + "\"]}]";
  if (kind == 14)
    j += ",\"files\":[{\"id\":\"F" + std::to_string(n % 211) + "\",\"title\":\"Plan " +
         std::to_string(n % 7) + "\",\"name\":\"p.pdf\"},{\"id\":\"F" +
         std::to_string(n % 13 + 300) + "\",\"name\":\"q.png\"}]";
  return j + "}";
}

/// Users 0..39 (some without e-mail, some deleted or admins), a bot U40 and USLACKBOT as U41's
/// stand-in; channels C0..C2 and a private G0, `days` day files each of `perDay` messages.
std::filesystem::path writeExport(std::string_view name, int days, int perDay) {
  const auto dir = orglens::test::tempDir(name);
  std::string users = "[";
  for (int u = 0; u < 40; ++u)
    users += (u ? "," : "") + std::string("{\"id\":\"U") + std::to_string(u) +
             "\",\"name\":\"user" + std::to_string(u) + "\",\"real_name\":\"User " +
             std::to_string(u) +
             "\",\"tz\":\"Europe/Berlin\",\"deleted\":" + (u % 11 == 3 ? "true" : "false") +
             ",\"is_admin\":" + (u == 0 ? "true" : "false") +
             ",\"created\":" + std::to_string(1'600'000'000 + u) + ",\"profile\":{" +
             (u % 7 == 2 ? "" : "\"email\":\"User" + std::to_string(u) + "@Example.org\"") + "}}";
  users +=
      ",{\"id\":\"U40\",\"name\":\"bot\",\"is_bot\":true},{\"id\":\"U41\",\"name\":\"sb\","
      "\"is_bot\":true}]";
  writeFile(dir / "users.json", users);
  writeFile(dir / "channels.json",
            R"([{"id":"C0","name":"general","created":1690000000,"members":["U1","U2","U40","U99"]},
                {"id":"C1","name":"random","created":"1690000001","is_archived":true,"members":["U3"]},
                {"id":"C2","name":"empty","members":[]}])");
  writeFile(dir / "groups.json", R"([{"id":"G0","name":"secret","members":["U4","U5"]}])");
  for (const std::string channel : {"general", "random", "secret"}) {
    std::vector<std::string> parents;
    std::filesystem::create_directories(dir / channel);
    for (int day = 0; day < days; ++day) {
      std::string json = "[";
      for (int m = 0; m < perDay; ++m)
        json += (m ? "," : "") + messageJson(channel, static_cast<std::uint64_t>(day), m, parents);
      if (day % 4 == 1) json += ",42";  // not an object
      char file[32];
      std::snprintf(file, sizeof file, "2024-%02d-%02d.json", 1 + day / 28, 1 + day % 28);
      writeFile(dir / channel / file, json + "]");
    }
  }
  writeFile(dir / "random" / "2099-01-01.json", "this is not JSON");
  return dir;
}

/// Each table as text, ids as stored and interned texts resolved, in a fixed order; the
/// export's folder (in paths and messages) reads "<dir>".
std::map<std::string, std::string> dumpTables(sqlite3* db, const std::string& dir) {
  struct Query {
    const char* table;
    int columns;
    const char* sql;
  };
  static const Query queries[] = {
      {"strings", 1, "SELECT value FROM strings ORDER BY value"},
      {"object_types", 2, "SELECT id, name FROM object_types ORDER BY id"},
      {"objects", 5,
       "SELECT o.id, o.type, k.value, n.value, o.source FROM objects o JOIN strings k ON k.id = "
       "o.key LEFT JOIN strings n ON n.id = o.name ORDER BY o.id"},
      {"events", 9,
       "SELECT e.id, e.time_us, a.value, e.actor, e.item, e.lifecycle, t.value, e.platform, "
       "e.source FROM events e LEFT JOIN strings a ON a.id = e.activity LEFT JOIN strings t ON "
       "t.id = e.tool ORDER BY e.id"},
      {"event_objects", 3,
       "SELECT l.event, l.object, q.value FROM event_objects l LEFT JOIN strings q ON q.id = "
       "l.qualifier ORDER BY 1, 2, 3"},
      {"relations", 6,
       "SELECT r.from_object, r.to_object, q.value, r.valid_from, r.valid_to, r.source FROM "
       "relations r JOIN strings q ON q.id = r.qualifier ORDER BY 1, 2, 3, 4"},
      {"event_attributes", 4,
       "SELECT a.event, k.value, a.type, a.value FROM event_attributes a JOIN strings k ON k.id = "
       "a.key ORDER BY 1, 2, 3, 4"},
      {"object_attributes", 5,
       "SELECT a.object, k.value, a.type, a.value, a.time_us FROM object_attributes a JOIN "
       "strings k ON k.id = a.key ORDER BY 1, 2, 5"},
      {"aliases", 3, "SELECT kind, value, person FROM aliases ORDER BY 1, 2"},
      {"sources", 13,
       "SELECT id, format, sha256, options, events, objects, people, relations, attributes, "
       "aliases, skipped_rows, warnings, errors FROM sources ORDER BY id"},
      {"diagnostics", 5,
       "SELECT source, severity, file, line, message FROM diagnostics ORDER BY rowid"},
      {"pending_relations", 4,
       "SELECT from_object, to_type, to_key, qualifier FROM pending_relations ORDER BY rowid"},
      {"meta", 2, "SELECT key, value FROM meta WHERE key <> 'pseudonym_salt' ORDER BY key"},
  };
  std::map<std::string, std::string> out;
  for (const auto& q : queries) {
    model::Statement s(db, q.sql);
    std::string text;
    while (s.step()) {
      for (int c = 0; c < q.columns; ++c) {
        std::string value = s.columnIsNull(c) ? "NULL" : std::string(s.columnText(c));
        for (auto at = value.find(dir); at != std::string::npos; at = value.find(dir))
          value.replace(at, dir.size(), "<dir>");
        text += value + (c + 1 < q.columns ? "|" : "\n");
      }
    }
    out[q.table] = text;
  }
  return out;
}

struct Imported {
  std::map<std::string, std::string> tables;
  model::ImportCounts counts;
};

Imported importExport(const std::filesystem::path& dir) {
  const auto storeDir = orglens::test::tempDir("slack-content-store");
  auto store = model::Store::open(storeDir / "s.orglens", model::Store::Mode::Create);
  model::NoProgress progress;
  importers::ImportOptions options;
  options.format = "slack";
  Imported out;
  out.counts = importers::importFile(*store, dir, options, progress).counts;
  out.tables = dumpTables(store->db(), dir.string());
  return out;
}

/// SHA-256 of each table's text, as "table digest" lines.
std::string digests(const std::map<std::string, std::string>& tables) {
  std::string out;
  for (const auto& [table, text] : tables) out += table + " " + importers::sha256Text(text) + "\n";
  return out;
}

}  // namespace

TEST_CASE("A large Slack export stores the same content table by table as before the speed-up",
          "[importers][slack][store]") {
  // 3 channels x 40 days x 800 messages: about 96,000 messages, more than the 65,536 strings and
  // objects a session keeps, so cache evictions and store look-ups are part of the run.
  const auto dir = writeExport("slack-content", 40, 800);
  const auto imported = importExport(dir);
  CHECK(imported.counts.events == 116'871);
  CHECK(digests(imported.tables) ==
        "aliases 3af3faa2fab148562788dc00f32a284e26a8c971ddef4cf86bee9dca8faa8b24\n"
        "diagnostics b872806b66b196ac1b65ee535b90f80266d19b17bdca935d12e25d1887b9d3f2\n"
        "event_attributes 61550e9900415243b745adc514d72005daf1fc4ea017734f9fe9f79962cf057f\n"
        "event_objects b58a64733617701b230cb023b788722e80f42be4c04be569cccb31e5cef275cc\n"
        "events aa4983bc4a5bd33b488eefb72a9a54bb47eff9218151a75d84fbcb150965952b\n"
        "meta b287f340212a4ac2a33d9548e86dc7dd1e6a3608e57927760456235b75cba228\n"
        "object_attributes af8ce3996942e6792082efcaf646394086c61da4ee78b893617a2c8408125ae6\n"
        "object_types 1bc463ff1bdd2e2a30da1d212f5e17d335fc112cc90d3147e2e420b8b554d991\n"
        "objects 24f4bb913d5e9380e2790f5c77be064e27ef9d92678a4d97117937d4c413ef39\n"
        "pending_relations e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
        "relations 8ad9364682c7fc355f0e5b5d25c3596365843428a8e67e8ab52942083e1e3fc5\n"
        "sources 40dbe77d9c64b3b40175b59bece1300a572e4e48329857af3fc2d8f87e83deba\n"
        "strings 2264d20b7271c377fa2ee6d3168b4527c031d81c7a188fc1d59ff99de6c4a27d\n");
}

TEST_CASE("A small Slack export stores the same content table by table as before the speed-up",
          "[importers][slack][store]") {
  // The expected text of every table, readable: tests/importers/slack_store_content.txt has a
  // "## <table>" line before each table's rows.
  const auto dir = writeExport("slack-content-small", 2, 30);
  const auto imported = importExport(dir);
  const std::string golden = orglens::test::readFile(std::filesystem::path(ORGLENS_SOURCE_DIR) /
                                                     "tests/importers/slack_store_content.txt");
  std::map<std::string, std::string> expected;
  std::string* current = nullptr;
  for (std::size_t at = 0; at < golden.size();) {
    const auto end = golden.find('\n', at);
    const std::string line = golden.substr(at, end - at);
    at = end == std::string::npos ? golden.size() : end + 1;
    if (line.rfind("## ", 0) == 0)
      current = &expected[line.substr(3)];
    else if (current)
      *current += line + "\n";
  }
  REQUIRE(expected.size() == imported.tables.size());
  for (const auto& [table, text] : imported.tables) {
    INFO(table);
    CHECK(text == expected[table]);
  }
}
