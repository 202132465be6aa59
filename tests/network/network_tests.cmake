# Network analyses, checked against igraph (libigraph-dev: tests and benchmarks only, never
# linked by a shipped target). Included from tests/CMakeLists.txt so that the helper globs
# tests/network/test_*.cpp.
find_package(PkgConfig REQUIRED)
pkg_check_modules(IGRAPH REQUIRED IMPORTED_TARGET igraph)
orglens_add_tests(network LINKS orglens::analysis orglens::importers orglens::samples PkgConfig::IGRAPH)
