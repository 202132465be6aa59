// orglens-bench-network: betweenness, Louvain and Leiden on generated graphs, side by side with
// igraph (single-threaded) in the same run (issue #6, "Speed"): a Barabási–Albert graph of the
// e-mail-Enron size (36,692 nodes, 183,445 edges), a graph with the degree shape of real
// e-mail networks (many people with one tie), and a 1,000,000-node graph for the sampled
// betweenness and Leiden; NetworkX's betweenness (python3-networkx, scripts/deps --bench) on a
// smaller graph. Times are medians of --repeat runs (betweenness; default 1) or of 9 runs
// (Louvain, Leiden; ours and igraph's alternate, so that other load hits both alike), with the
// range. Prints a table; exits 0 unless it cannot run.
#include <igraph/igraph.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <unistd.h>

#include "analysis/betweenness.h"
#include "analysis/communities.h"
#include "bench/bench_util.h"
#include "bench/network_graphs.h"
#include "model/progress.h"

using namespace orglens;
using namespace orglens::bench;

namespace {

constexpr std::uint64_t kSeed = 20240606;

struct Sizes {
  std::size_t ba = 36692, email = 36692, emailCore = 12000, big = 1000000;
  std::size_t sampled = 256;
  std::size_t networkx = 1000;  // nodes of NetworkX's BA graph
  int repeat = 1;               // runs of each betweenness, median reported
  bool communitiesOnly = false;  // --communities-only: Louvain and Leiden rows only
};

constexpr int kCommunityRuns = 9;  // Louvain and Leiden are quick: median of 9, interleaved

/// Runs fn `runs` times; the median seconds, and "median (min-max)" when runs > 1.
/// Also the median process CPU seconds (all threads): on a shared, busy machine the wall time
/// of a run depends on the other load, its CPU time much less.
struct Timing {
  double median = 0, cpu = 0;
  std::string text;
};
Timing summarise(std::vector<double> t, std::vector<double> cpu) {
  std::sort(t.begin(), t.end());
  std::sort(cpu.begin(), cpu.end());
  Timing r;
  r.cpu = cpu[cpu.size() / 2];
  r.median = t.size() % 2 ? t[t.size() / 2] : (t[t.size() / 2 - 1] + t[t.size() / 2]) / 2;
  r.text = fixed(r.median, 3);
  if (t.size() > 1) r.text += " (" + fixed(t.front(), 3) + "-" + fixed(t.back(), 3) + ")";
  return r;
}

Timing timeRuns(int runs, const std::function<double()>& fn) {
  std::vector<double> t, cpu;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::clock();
    t.push_back(fn());
    cpu.push_back(static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
  }
  return summarise(std::move(t), std::move(cpu));
}

/// Ours and the peer's runs alternate (ours, peer, ours, ...): a burst of other load on the
/// shared machine then falls on both sides alike instead of on whichever ran during it.
std::pair<Timing, Timing> timeInterleaved(int runs, const std::function<double()>& ours,
                                          const std::function<double()>& peer) {
  std::vector<double> t[2], cpu[2];
  for (int i = 0; i < runs; ++i)
    for (int side = 0; side < 2; ++side) {
      const auto start = std::clock();
      t[side].push_back(side == 0 ? ours() : peer());
      cpu[side].push_back(static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
    }
  return {summarise(std::move(t[0]), std::move(cpu[0])), summarise(std::move(t[1]), std::move(cpu[1]))};
}

/// Owns the igraph_t of an edge list (the same edges, in the same order, as ours).
struct IGraph {
  igraph_t g{};
  IGraph(std::size_t n, const std::vector<analysis::WeightedEdge>& edges) {
    igraph_vector_int_t list;
    igraph_vector_int_init(&list, static_cast<igraph_integer_t>(2 * edges.size()));
    for (std::size_t i = 0; i < edges.size(); ++i) {
      VECTOR(list)[static_cast<igraph_integer_t>(2 * i)] = edges[i].a;
      VECTOR(list)[static_cast<igraph_integer_t>(2 * i + 1)] = edges[i].b;
    }
    igraph_create(&g, &list, static_cast<igraph_integer_t>(n), false);
    igraph_vector_int_destroy(&list);
  }
  IGraph(const IGraph&) = delete;
  IGraph& operator=(const IGraph&) = delete;
  ~IGraph() { igraph_destroy(&g); }
};

std::string size(const analysis::Graph& g) {
  return withCommas(g.nodeCount()) + " n / " + withCommas(g.edgeCount()) + " e";
}

std::string ratio(double r) {
  return fixed(r, 2) + "x";
}

double igraphBetweenness(const IGraph& ig, std::vector<double>& out) {
  igraph_vector_t res;
  igraph_vector_init(&res, 0);
  const auto start = Clock::now();
  igraph_betweenness(&ig.g, &res, igraph_vss_all(), false, nullptr);
  const double s = secondsSince(start);
  out.assign(VECTOR(res), VECTOR(res) + igraph_vector_size(&res));
  igraph_vector_destroy(&res);
  return s;
}

double ourBetweenness(const analysis::Graph& g, unsigned threads, std::size_t k,
                      analysis::BetweennessResult& out) {
  model::NoProgress progress;
  analysis::BetweennessOptions options;
  options.threads = threads;
  options.sampleSources = k;
  const auto start = Clock::now();
  out = analysis::computeBetweenness(g, options, progress);
  return secondsSince(start);
}

/// Exact betweenness with 1 and 2 threads against igraph: ≥ 4× with 2 threads, ≤ 30 s.
void betweennessRows(const std::string& name, const analysis::Graph& g, const IGraph& ig,
                     int repeat, std::vector<Row>& rows) {
  analysis::BetweennessResult one, two;
  std::vector<double> theirs;
  const auto t1 = timeRuns(repeat, [&] { return ourBetweenness(g, 1, 0, one); });
  const auto t2 = timeRuns(repeat, [&] { return ourBetweenness(g, 2, 0, two); });
  const auto ti = timeRuns(repeat, [&] { return igraphBetweenness(ig, theirs); });
  double diff = 0;
  for (std::size_t v = 0; v < theirs.size(); ++v)
    diff = std::max(diff, std::fabs(theirs[v] - two.raw[v]) / std::max(1.0, std::fabs(theirs[v])));
  const bool same = one.raw == two.raw;
  const bool close = diff < 1e-9 && theirs.size() == two.raw.size();
  const double r2 = ti.median / t2.median;
  rows.push_back(
      {name + ": igraph_betweenness (1 thread)", size(g), ti.text, "-", "-", "peer", "-"});
  rows.push_back({name + ": betweenness, 1 thread", size(g), t1.text,
                  ratio(ti.median / t1.median) + " (CPU " + ratio(ti.cpu / t1.cpu) + ")", "-", "-",
                  "-"});
  rows.push_back({name + ": betweenness, 2 threads (CPU " + fixed(t2.cpu, 1) + " s)", size(g),
                  t2.text, ratio(r2), "-", ">= 4x igraph, <= 30 s",
                  r2 >= 4 && t2.median <= 30 ? "meets" : "misses"});
  rows.push_back({name + ": max rel. |ours - igraph|, 1 = 2 threads", size(g),
                  fixed(diff * 1e12, 3) + "e-12" + (same ? ", same" : ", DIFFER"), "-", "-",
                  "< 1e-9", close && same ? "meets" : "misses"});
}

double igraphQ(const IGraph& ig, const igraph_vector_int_t& membership) {
  igraph_real_t q = 0;
  igraph_modularity(&ig.g, &membership, nullptr, 1.0, false, &q);
  return q;
}

/// Louvain against igraph_community_multilevel: ≥ 2× with Q within 0.01.
void louvainRow(const std::string& name, const analysis::Graph& g, const IGraph& ig,
                std::vector<Row>& rows) {
  analysis::CommunityResult ours;
  igraph_vector_int_t membership;
  igraph_vector_int_init(&membership, 0);
  const auto [t, ti] = timeInterleaved(
      kCommunityRuns,
      [&] {
        const auto start = Clock::now();
        ours = analysis::louvain(g, {});
        return secondsSince(start);
      },
      [&] {
        igraph_rng_seed(igraph_rng_default(), kSeed);
        const auto start = Clock::now();
        igraph_community_multilevel(&ig.g, nullptr, 1.0, &membership, nullptr, nullptr);
        return secondsSince(start);
      });
  const double qi = igraphQ(ig, membership);
  igraph_vector_int_destroy(&membership);
  const double r = ti.median / t.median;
  const bool ok = r >= 2 && ours.modularity >= qi - 0.01;
  rows.push_back(
      {name + ": igraph multilevel, Q " + fixed(qi, 4), size(g), ti.text, "-", "-", "peer", "-"});
  rows.push_back({name + ": Louvain, Q " + fixed(ours.modularity, 4), size(g), t.text, ratio(r),
                  "-", ">= 2x, Q within 0.01", ok ? "meets" : "misses"});
}

/// Leiden against igraph_community_leiden (modularity objective, β = 0.01, 2 iterations on both
/// sides: our default; igraph 0.10's n_iterations = −1 stops after the first iteration that
/// changes anything, i.e. after one): no slower, Q within 0.005.
void leidenRow(const std::string& name, const analysis::Graph& g, const IGraph& ig,
               std::vector<Row>& rows) {
  analysis::CommunityResult ours;
  igraph_vector_t degree;
  igraph_vector_init(&degree, 0);
  igraph_strength(&ig.g, &degree, igraph_vss_all(), IGRAPH_ALL, true, nullptr);
  igraph_vector_int_t membership;
  igraph_vector_int_init(&membership, 0);
  igraph_integer_t clusters = 0;
  igraph_real_t quality = 0;
  const double resolution = 1.0 / (2.0 * static_cast<double>(g.edgeCount()));
  const int iterations = analysis::CommunityOptions{}.iterations;
  const auto [t, ti] = timeInterleaved(
      kCommunityRuns,
      [&] {
        const auto start = Clock::now();
        ours = analysis::leiden(g, {});
        return secondsSince(start);
      },
      [&] {
        igraph_rng_seed(igraph_rng_default(), kSeed);
        const auto start = Clock::now();
        igraph_community_leiden(&ig.g, nullptr, &degree, resolution, 0.01, false, iterations,
                                &membership, &clusters, &quality);
        return secondsSince(start);
      });
  const double qi = igraphQ(ig, membership);
  igraph_vector_int_destroy(&membership);
  igraph_vector_destroy(&degree);
  const bool ok = t.median <= ti.median && ours.modularity >= qi - 0.005;
  const std::string its = ", " + std::to_string(iterations) + " it.";
  rows.push_back({name + ": igraph Leiden" + its + ", Q " + fixed(qi, 4), size(g), ti.text, "-",
                  "-", "peer", "-"});
  rows.push_back({name + ": Leiden" + its + ", Q " + fixed(ours.modularity, 4), size(g), t.text,
                  ratio(ti.median / t.median), "-", "<= igraph, Q within 0.005",
                  ok ? "meets" : "misses"});
}

/// The 1,000,000-node graph: sampled betweenness (2 threads) and Leiden, < 1 minute each.
void bigRows(const Sizes& sizes, std::vector<Row>& rows) {
  const auto g = analysis::buildGraph(sizes.big, barabasiAlbert(sizes.big, 2, kSeed + 2));
  analysis::BetweennessResult b;
  resetPeakRss();
  const double tb = ourBetweenness(g, 2, sizes.sampled, b);
  rows.push_back({"big BA m=2: sampled betweenness (k " + std::to_string(b.sources) + ", +-" +
                      fixed(b.errorBound, 3) + ")",
                  size(g), fixed(tb, 3), "-", formatKiB(peakRssKiB()), "< 60 s",
                  tb < 60 ? "meets" : "misses"});
  resetPeakRss();
  const auto start = Clock::now();
  const auto c = analysis::leiden(g, {});
  const double tl = secondsSince(start);
  rows.push_back({"big BA m=2: Leiden, Q " + fixed(c.modularity, 4), size(g), fixed(tl, 3), "-",
                  formatKiB(peakRssKiB()), "< 60 s", tl < 60 ? "meets" : "misses"});
}

/// NetworkX's betweenness_centrality(normalized=False), timed inside Python (graph building
/// and start-up left out); prints the seconds, then one value per node.
constexpr const char* kNetworkxScript = R"PY(
import sys, time
import networkx as nx
g = nx.Graph()
with open(sys.argv[1]) as f:
    n = int(f.readline())
    g.add_nodes_from(range(n))
    for line in f:
        a, b = line.split()
        g.add_edge(int(a), int(b))
start = time.perf_counter()
b = nx.betweenness_centrality(g, normalized=False)
print("seconds", time.perf_counter() - start)
for v in range(n):
    print(repr(b[v]))
)PY";

/// NetworkX's exact betweenness against ours (1 thread) on a smaller BA graph (m = 5).
void networkxRows(const Sizes& sizes, std::vector<Row>& rows) {
  namespace fs = std::filesystem;
  const std::size_t n = sizes.networkx;
  const auto edges = barabasiAlbert(n, 5, kSeed + 3);
  const auto g = analysis::buildGraph(n, edges);
  const std::string label = "BA m=5: NetworkX betweenness (1 thread)";
  const fs::path dir =
      fs::temp_directory_path() / ("orglens-bench-network-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    std::ofstream out(dir / "edges.txt");
    out << n << "\n";
    for (const auto& e : edges) out << e.a << ' ' << e.b << "\n";
    std::ofstream(dir / "networkx_peer.py") << kNetworkxScript;
  }
  const std::string command = "/usr/bin/python3 '" + (dir / "networkx_peer.py").string() + "' '" +
                              (dir / "edges.txt").string() + "' 2>'" +
                              (dir / "networkx_peer.err").string() + "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  double seconds = -1;
  std::vector<double> theirs;
  if (pipe) {
    char key[16];
    double value = 0;
    if (std::fscanf(pipe, "%15s %lf", key, &value) == 2 && std::strcmp(key, "seconds") == 0)
      seconds = value;
    while (std::fscanf(pipe, "%lf", &value) == 1) theirs.push_back(value);
    if (::pclose(pipe) != 0) seconds = -1;
  }
  if (seconds < 0 || theirs.size() != n) {
    rows.push_back(
        {label, size(g), "error", "-", "-", "peer",
         "error (python3-networkx installed? see " + (dir / "networkx_peer.err").string() + ")"});
    return;  // the temp dir stays for the error file
  }
  fs::remove_all(dir);
  analysis::BetweennessResult ours;
  const auto t = timeRuns(3, [&] { return ourBetweenness(g, 1, 0, ours); });
  double diff = 0;
  for (std::size_t v = 0; v < n; ++v)
    diff = std::max(diff, std::fabs(theirs[v] - ours.raw[v]) / std::max(1.0, std::fabs(theirs[v])));
  rows.push_back({label, size(g), fixed(seconds, 3), "-", "-", "peer", "-"});
  rows.push_back({"BA m=5: betweenness, 1 thread, vs NetworkX", size(g), t.text,
                  ratio(seconds / t.median), "-", "max rel. diff " + fixed(diff * 1e12, 3) + "e-12",
                  diff < 1e-9 ? "same" : "DIFFER"});
}

void run(const Sizes& sizes) {
  std::vector<Row> rows;
  {
    const auto edges = barabasiAlbert(sizes.ba, 5, kSeed);
    const auto g = analysis::buildGraph(sizes.ba, edges);
    const IGraph ig(sizes.ba, edges);
    if (!sizes.communitiesOnly) betweennessRows("BA m=5", g, ig, sizes.repeat, rows);
    louvainRow("BA m=5", g, ig, rows);
    leidenRow("BA m=5", g, ig, rows);
  }
  {
    const auto edges = emailShape(sizes.email, sizes.emailCore, 5, kSeed + 1);
    const auto g = analysis::buildGraph(sizes.email, edges);
    const IGraph ig(sizes.email, edges);
    if (!sizes.communitiesOnly) betweennessRows("e-mail shape", g, ig, sizes.repeat, rows);
    louvainRow("e-mail shape", g, ig, rows);
    leidenRow("e-mail shape", g, ig, rows);
  }
  if (!sizes.communitiesOnly) {
    networkxRows(sizes, rows);
    bigRows(sizes, rows);
  }
  printTable(rows);
}

}  // namespace

int main(int argc, char** argv) {
  Sizes sizes;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0) {
      sizes.ba = sizes.email = 5000;
      sizes.emailCore = 1600;
      sizes.big = 100000;
      sizes.networkx = 300;
    } else if (std::strcmp(argv[i], "--communities-only") == 0) {
      sizes.communitiesOnly = true;
    } else if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc &&
               std::atoi(argv[i + 1]) > 0) {
      sizes.repeat = std::atoi(argv[++i]);
    } else {
      const bool help = std::strcmp(argv[i], "--help") == 0;
      std::fprintf(help ? stdout : stderr,
                   "usage: orglens-bench-network [--quick] [--repeat N] [--communities-only]\n"
                   "  --quick     5,000-node graphs, a 100,000-node big graph and a 300-node\n"
                   "              NetworkX graph instead of 36,692, 1,000,000 and 1,000 nodes\n"
                   "  --repeat N  run each exact betweenness (ours 1 and 2 threads, igraph) N\n"
                   "              times and report the median and range (default 1)\n"
                   "  --communities-only  only the Louvain and Leiden rows (seconds, not minutes)\n");
      return help ? 0 : 2;
    }
  }
  std::printf("orglens-bench-network: betweenness, Louvain, Leiden vs igraph %s (seed %llu)\n",
              IGRAPH_VERSION, static_cast<unsigned long long>(kSeed));
  run(sizes);
  return 0;
}
