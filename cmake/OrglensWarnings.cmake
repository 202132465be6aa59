# Warning and sanitizer flags applied to every orglens target through orglens_setup_target().
add_library(orglens_flags INTERFACE)
target_compile_options(orglens_flags INTERFACE -Wall -Wextra -Wpedantic)
# GCC 12 reports -Wrestrict false positives inside libstdc++'s std::string operator+ at -O2
# (GCC bug 105329, fixed in GCC 13); they point at char_traits.h, never at our code.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(orglens_flags INTERFACE -Wno-restrict)
endif()
if(ORGLENS_WERROR)
  target_compile_options(orglens_flags INTERFACE -Werror)
endif()
if(ORGLENS_FUZZ)
  # Every library is instrumented for coverage; the fuzz executables link libFuzzer's main.
  target_compile_options(orglens_flags INTERFACE -fsanitize=fuzzer-no-link,address,undefined
                                                 -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(orglens_flags INTERFACE -fsanitize=address,undefined)
endif()
if(ORGLENS_SANITIZE)
  # GCC's flow analysis gives -Wmaybe-uninitialized false positives on instrumented code (the
  # GCC manual warns of it); the Release build keeps the warning.
  target_compile_options(orglens_flags INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                 -fno-sanitize-recover=undefined
                                                 $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
  target_link_options(orglens_flags INTERFACE -fsanitize=address,undefined)
endif()

# orglens_add_library(NAME folder SOURCES ... LINKS ...): a static library orglens_<name>
# with the alias orglens::<name>, include root at the project root (#include "model/store.h").
function(orglens_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINKS" ${ARGN})
  add_library(orglens_${name} STATIC ${ARG_SOURCES})
  add_library(orglens::${name} ALIAS orglens_${name})
  target_include_directories(orglens_${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(orglens_${name} PUBLIC ${ARG_LINKS} PRIVATE orglens_flags)
endfunction()
