// orglens-bench-network: betweenness, Louvain and Leiden on generated graphs, side by side with
// igraph (single-threaded) in the same run (issue #6, "Speed"): a Barabási–Albert graph of the
// e-mail-Enron size (36,692 nodes, 183,445 edges), a graph with the degree shape of real
// e-mail networks (many people with one tie), and a 1,000,000-node graph for the sampled
// betweenness and Leiden. NetworkX only when /usr/bin/python3 can import it. Prints a table;
// exits 0 unless it cannot run.
#include <igraph/igraph.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

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
};

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
                     std::vector<Row>& rows) {
  analysis::BetweennessResult one, two;
  const double t1 = ourBetweenness(g, 1, 0, one);
  const double t2 = ourBetweenness(g, 2, 0, two);
  std::vector<double> theirs;
  const double ti = igraphBetweenness(ig, theirs);
  double diff = 0;
  for (std::size_t v = 0; v < theirs.size(); ++v)
    diff = std::max(diff, std::fabs(theirs[v] - two.raw[v]));
  const bool same = one.raw == two.raw;
  const bool close = diff < 1e-6 && theirs.size() == two.raw.size();
  rows.push_back(
      {name + ": igraph_betweenness (1 thread)", size(g), fixed(ti, 3), "-", "-", "peer", "-"});
  rows.push_back(
      {name + ": betweenness, 1 thread", size(g), fixed(t1, 3), ratio(ti / t1), "-", "-", "-"});
  rows.push_back({name + ": betweenness, 2 threads", size(g), fixed(t2, 3), ratio(ti / t2), "-",
                  ">= 4x igraph, <= 30 s", ti / t2 >= 4 && t2 <= 30 ? "meets" : "misses"});
  rows.push_back({name + ": max |ours - igraph|, 1 = 2 threads", size(g),
                  fixed(diff, 12) + (same ? ", same" : ", DIFFER"), "-", "-", "< 1e-6",
                  close && same ? "meets" : "misses"});
}

double igraphQ(const IGraph& ig, const igraph_vector_int_t& membership) {
  igraph_real_t q = 0;
  igraph_modularity(&ig.g, &membership, nullptr, 1.0, false, &q);
  return q;
}

/// Louvain against igraph_community_multilevel: ≥ 2× with Q within 0.01.
void louvainRow(const std::string& name, const analysis::Graph& g, const IGraph& ig,
                std::vector<Row>& rows) {
  auto start = Clock::now();
  const auto ours = analysis::louvain(g, {});
  const double t = secondsSince(start);
  igraph_vector_int_t membership;
  igraph_vector_int_init(&membership, 0);
  igraph_rng_seed(igraph_rng_default(), kSeed);
  start = Clock::now();
  igraph_community_multilevel(&ig.g, nullptr, 1.0, &membership, nullptr, nullptr);
  const double ti = secondsSince(start);
  const double qi = igraphQ(ig, membership);
  igraph_vector_int_destroy(&membership);
  const bool ok = ti / t >= 2 && ours.modularity >= qi - 0.01;
  rows.push_back({name + ": igraph multilevel, Q " + fixed(qi, 4), size(g), fixed(ti, 3), "-", "-",
                  "peer", "-"});
  rows.push_back({name + ": Louvain, Q " + fixed(ours.modularity, 4), size(g), fixed(t, 3),
                  ratio(ti / t), "-", ">= 2x, Q within 0.01", ok ? "meets" : "misses"});
}

/// Leiden against igraph_community_leiden (modularity objective): no slower, Q within 0.005.
void leidenRow(const std::string& name, const analysis::Graph& g, const IGraph& ig,
               std::vector<Row>& rows) {
  auto start = Clock::now();
  const auto ours = analysis::leiden(g, {});
  const double t = secondsSince(start);
  igraph_vector_t degree;
  igraph_vector_init(&degree, 0);
  igraph_strength(&ig.g, &degree, igraph_vss_all(), IGRAPH_ALL, true, nullptr);
  igraph_vector_int_t membership;
  igraph_vector_int_init(&membership, 0);
  igraph_integer_t clusters = 0;
  igraph_real_t quality = 0;
  igraph_rng_seed(igraph_rng_default(), kSeed);
  const double resolution = 1.0 / (2.0 * static_cast<double>(g.edgeCount()));
  start = Clock::now();
  igraph_community_leiden(&ig.g, nullptr, &degree, resolution, 0.01, false, -1, &membership,
                          &clusters, &quality);
  const double ti = secondsSince(start);
  const double qi = igraphQ(ig, membership);
  igraph_vector_int_destroy(&membership);
  igraph_vector_destroy(&degree);
  const bool ok = t <= ti && ours.modularity >= qi - 0.005;
  rows.push_back(
      {name + ": igraph Leiden, Q " + fixed(qi, 4), size(g), fixed(ti, 3), "-", "-", "peer", "-"});
  rows.push_back({name + ": Leiden, Q " + fixed(ours.modularity, 4), size(g), fixed(t, 3),
                  ratio(ti / t), "-", "<= igraph, Q within 0.005", ok ? "meets" : "misses"});
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

void networkxNote() {
  if (std::system("/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1") != 0) {
    std::printf(
        "NetworkX peer skipped: /usr/bin/python3 cannot import networkx "
        "(python3-networkx is not installed).\n");
    return;
  }
  std::printf("NetworkX is importable, but its peer run is not implemented yet.\n");
}

void run(const Sizes& sizes) {
  std::vector<Row> rows;
  {
    const auto edges = barabasiAlbert(sizes.ba, 5, kSeed);
    const auto g = analysis::buildGraph(sizes.ba, edges);
    const IGraph ig(sizes.ba, edges);
    betweennessRows("BA m=5", g, ig, rows);
    louvainRow("BA m=5", g, ig, rows);
    leidenRow("BA m=5", g, ig, rows);
  }
  {
    const auto edges = emailShape(sizes.email, sizes.emailCore, 5, kSeed + 1);
    const auto g = analysis::buildGraph(sizes.email, edges);
    const IGraph ig(sizes.email, edges);
    betweennessRows("e-mail shape", g, ig, rows);
    louvainRow("e-mail shape", g, ig, rows);
    leidenRow("e-mail shape", g, ig, rows);
  }
  bigRows(sizes, rows);
  printTable(rows);
  networkxNote();
}

}  // namespace

int main(int argc, char** argv) {
  Sizes sizes;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0) {
      sizes = {5000, 5000, 1600, 100000, 256};
    } else {
      const bool help = std::strcmp(argv[i], "--help") == 0;
      std::fprintf(help ? stdout : stderr,
                   "usage: orglens-bench-network [--quick]\n"
                   "  --quick  5,000-node graphs and a 100,000-node big graph instead of\n"
                   "           36,692 and 1,000,000 nodes\n");
      return help ? 0 : 2;
    }
  }
  std::printf("orglens-bench-network: betweenness, Louvain, Leiden vs igraph %s (seed %llu)\n",
              IGRAPH_VERSION, static_cast<unsigned long long>(kSeed));
  run(sizes);
  return 0;
}
