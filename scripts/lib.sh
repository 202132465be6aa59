# scripts/lib.sh — shared by scripts/demo, scripts/test and scripts/bench (sourced, not run).
# One configuration of build/ for all of them, so that switching between the scripts never
# forces a full rebuild.

ORGLENS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/deps
source "$ORGLENS_ROOT/scripts/deps"

orglens_jobs() { nproc 2>/dev/null || echo 2; }

# orglens_configure DIR [extra cmake args...]: configures DIR (Release, -Werror) once; later
# calls only re-run CMake when the arguments changed.
orglens_configure() {
  local dir=$1; shift
  local args=(-S "$ORGLENS_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DORGLENS_WERROR=ON "$@")
  local stamp="$dir/.orglens-configure-args"
  if [ -f "$dir/build.ninja" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "${args[*]}" ]; then
    return 0
  fi
  cmake "${args[@]}" >&2
  printf '%s' "${args[*]}" >"$stamp"
}
