#include "analysis/bus_factor.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace orglens::analysis {
namespace {

using model::EventLog;

/// (document?, area text) of item i, or nullopt for other item types and itemless events.
std::optional<std::pair<bool, std::string>> areaOf(const EventLog& log, std::size_t i) {
  const auto object = log.item[i];
  if (object == EventLog::kNone || log.itemBegin[i] == log.itemBegin[i + 1]) return std::nullopt;
  const auto type = log.objectType[object];
  if (type == model::typeId(model::BuiltinType::Document).value()) {
    const auto& key = log.strings[log.objectKey[object]];
    const auto slash = key.rfind('/');
    return std::make_pair(true, slash == std::string::npos ? std::string() : key.substr(0, slash));
  }
  if (type == model::typeId(model::BuiltinType::Task).value())
    return std::make_pair(false, log.strings[log.activity[log.itemBegin[i]]]);
  return std::nullopt;
}

struct Tally {
  std::map<std::uint32_t, std::uint64_t> perPerson;
  std::uint32_t items = 0;
};

BusFactorArea finish(const EventLog& log, const std::pair<bool, std::string>& key,
                     const Tally& tally, double share) {
  BusFactorArea a;
  a.document = key.first;
  a.area = key.second;
  a.items = tally.items;
  a.people = static_cast<std::uint32_t>(tally.perPerson.size());
  std::vector<std::pair<std::uint32_t, std::uint64_t>> people(tally.perPerson.begin(),
                                                              tally.perPerson.end());
  for (const auto& p : people) a.events += p.second;
  std::sort(people.begin(), people.end(), [&](const auto& x, const auto& y) {
    if (x.second != y.second) return x.second > y.second;
    const int k = log.strings[log.objectKey[x.first]].compare(log.strings[log.objectKey[y.first]]);
    return k != 0 ? k < 0 : x.first < y.first;
  });
  std::uint64_t covered = 0;
  for (const auto& p : people) {
    if (static_cast<double>(covered) >= share * static_cast<double>(a.events)) break;
    covered += p.second;
    a.keyPeople.push_back(p);
  }
  a.busFactor = static_cast<std::uint32_t>(a.keyPeople.size());
  return a;
}

}  // namespace

std::vector<BusFactorArea> busFactor(const EventLog& log, double share) {
  std::map<std::pair<bool, std::string>, Tally> areas;
  for (std::size_t i = 0; i < log.itemCount(); ++i) {
    const auto key = areaOf(log, i);
    if (!key) continue;
    auto& tally = areas[*key];
    ++tally.items;
    for (auto e = log.itemBegin[i]; e < log.itemBegin[i + 1]; ++e)
      if (log.actor[e] != EventLog::kNone) ++tally.perPerson[log.actor[e]];
  }
  std::vector<BusFactorArea> out;
  for (const auto& [key, tally] : areas)
    if (!tally.perPerson.empty()) out.push_back(finish(log, key, tally, share));
  std::sort(out.begin(), out.end(), [](const BusFactorArea& x, const BusFactorArea& y) {
    return std::make_tuple(x.busFactor, -static_cast<std::int64_t>(x.events), !x.document,
                           std::cref(x.area)) <
           std::make_tuple(y.busFactor, -static_cast<std::int64_t>(y.events), !y.document,
                           std::cref(y.area));
  });
  return out;
}

}  // namespace orglens::analysis
