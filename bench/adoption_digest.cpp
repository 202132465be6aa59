#include "bench/adoption_digest.h"

#include <cstdio>
#include <string_view>

namespace orglens::bench {
namespace {

/// FNV-1a 64 over the canonical text of values fed one by one.
class Hasher {
 public:
  Hasher& operator<<(std::string_view s) {
    for (const char c : s) byte(static_cast<unsigned char>(c));
    byte(0x1f);  // separator: "ab","c" differs from "a","bc"
    return *this;
  }
  Hasher& operator<<(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%a", v);
    return *this << std::string_view(buf);
  }
  Hasher& operator<<(std::uint64_t v) { return *this << std::string_view(std::to_string(v)); }
  Hasher& operator<<(std::int64_t v) { return *this << std::string_view(std::to_string(v)); }
  Hasher& operator<<(std::uint32_t v) { return *this << std::uint64_t{v}; }
  Hasher& operator<<(unsigned char v) { return *this << std::uint64_t{v}; }
  Hasher& operator<<(bool v) { return *this << std::uint64_t{v ? 1u : 0u}; }
  std::uint64_t value() const { return m_hash; }

 private:
  void byte(unsigned char c) {
    m_hash ^= c;
    m_hash *= 0x100000001b3ull;
  }
  std::uint64_t m_hash = 0xcbf29ce484222325ull;
};

template <class T>
unsigned char code(T e) {
  return static_cast<unsigned char>(e);
}

void counts(Hasher& h, const analysis::ActiveCounts& c) {
  h << c.registered << c.dau << c.wau << c.mau << c.dauShare << c.wauShare << c.mauShare
    << c.stickiness << c.everActive << c.actions;
}

std::uint64_t groups(const std::vector<analysis::GroupAdoption>& g) {
  Hasher h;
  for (const auto& x : g) {
    h << std::string_view(x.name);
    counts(h, x.counts);
  }
  return h.value();
}

std::uint64_t people(const analysis::AdoptionResult& r) {
  Hasher h;
  for (const auto& p : r.people)
    h << p.person << p.actions << p.activeDays << p.actions12 << std::uint64_t{p.activeWeeks12}
      << code(p.segment) << std::uint64_t{p.tools} << p.posted << p.replied << p.activeLast28
      << p.abandoned << p.struggling << std::int64_t{p.registered} << p.weekendActions
      << p.afterHoursActions << p.knownPlatform << p.mobile << p.offHoursKnown << p.offHoursMobile;
  return h.value();
}

std::uint64_t series(const analysis::AdoptionResult& r) {
  Hasher h;
  h << std::int64_t{r.firstDay} << std::int64_t{r.lastDay} << r.actions << r.duplicates;
  counts(h, r.overall);
  for (const auto& w : r.weeks)
    h << std::int64_t{w.weekStart} << w.activePeople << w.activeShare << w.averageDau << w.actions;
  for (const auto& m : r.months) h << std::int64_t{m.monthStart} << m.activePeople;
  for (const auto d : r.depth) h << d;
  return h.value();
}

std::uint64_t segmentsAndFunnel(const analysis::AdoptionResult& r) {
  Hasher h;
  for (const auto& f : r.funnel) h << std::string_view(f.name) << f.people << f.share;
  for (const auto s : r.segments) h << s;
  h << r.involved << r.involvement;
  for (const auto& t : r.tools) h << std::string_view(t);
  for (const auto p : r.abandoned) h << p;
  h << std::string_view("struggling");
  for (const auto p : r.struggling) h << p;
  return h.value();
}

std::uint64_t departmentsCohortsTeams(const analysis::AdoptionResult& r) {
  Hasher h;
  for (const auto& d : r.departmentTools) {
    h << std::string_view(d.department) << d.registered;
    for (const auto s : d.toolShare) h << s;
    for (const auto& u : d.unusedTools) h << std::string_view(u);
  }
  for (const auto& c : r.cohorts) {
    h << std::int64_t{c.monthStart} << c.people;
    for (std::size_t k = 0; k < c.observed.size(); ++k)
      h << c.observed[k] << c.active[k] << c.share[k];
  }
  for (const auto& t : r.teamTime)
    h << std::string_view(t.name) << t.people << t.actions << t.weekendShare << t.afterHoursShare
      << t.offHoursMobileShare << t.mobileShare;
  return h.value();
}

std::uint64_t shift(const analysis::ShiftResult& s) {
  Hasher h;
  h << s.emailTool;
  for (const auto p : s.people) h << p;
  h << std::string_view("tools");
  for (const auto t : s.tools) h << t;
  for (const auto& row : s.rows)
    h << std::int64_t{row.periodStart} << row.tool << row.people << row.toolPeople
      << row.interactions << row.share;
  return h.value();
}

std::uint64_t underusedAndChampions(const AdoptionMeasures& m) {
  Hasher h;
  for (const auto& u : m.underused)
    h << std::string_view(u.department) << u.registered << u.tool << u.share << u.averageShare
      << u.ratio << u.underused;
  for (const auto& c : m.champions)
    h << c.person << std::string_view(c.department) << code(c.segment) << c.crossTeamTies
      << c.crossTeamInteractions << c.betweenness << c.score << std::uint64_t{c.rank};
  return h.value();
}

}  // namespace

std::vector<std::pair<std::string, std::uint64_t>> partDigests(const AdoptionMeasures& m) {
  const auto& r = m.result;
  return {{"overall, weeks, months, depth", series(r)},
          {"byTool", groups(r.byTool)},
          {"byPlatform", groups(r.byPlatform)},
          {"byDepartment", groups(r.byDepartment)},
          {"byRole", groups(r.byRole)},
          {"funnel, segments, involvement, abandoned, struggling", segmentsAndFunnel(r)},
          {"department tools, cohorts, team time", departmentsCohortsTeams(r)},
          {"people", people(r)},
          {"weekly shift", shift(m.weekly)},
          {"monthly shift", shift(m.monthly)},
          {"under-used tools, champions", underusedAndChampions(m)}};
}

std::uint64_t digest(const AdoptionMeasures& m) {
  Hasher h;
  for (const auto& [name, value] : partDigests(m)) h << std::string_view(name) << value;
  return h.value();
}

std::string difference(const AdoptionMeasures& a, const AdoptionMeasures& b) {
  const auto x = partDigests(a), y = partDigests(b);
  std::string out;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (x[i].second != y[i].second) out += (out.empty() ? "" : ", ") + x[i].first;
  return out;
}

}  // namespace orglens::bench
