# Helpers that keep every library, test and benchmark declared the same way.

# newsmine_library(NAME SRCS a.cc b.cc DEPS pub... PRIVATE_DEPS priv...)
function(newsmine_library name)
  cmake_parse_arguments(A "" "" "SRCS;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(${name} STATIC ${A_SRCS})
  target_include_directories(${name} PUBLIC ${CMAKE_SOURCE_DIR})
  target_link_libraries(${name} PUBLIC ${A_DEPS} PRIVATE ${A_PRIVATE_DEPS})
endfunction()

# newsmine_test(NAME SRCS ... DEPS ... [LABELS ...]) — one GoogleTest binary.
function(newsmine_test name)
  cmake_parse_arguments(A "" "" "SRCS;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${A_SRCS})
  target_link_libraries(${name} PRIVATE ${A_DEPS} newsmine_testing GTest::gtest GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    NEWSMINE_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
    NEWSMINE_BINARY_DIR="${CMAKE_BINARY_DIR}")
  set(props ENVIRONMENT "NEWSMINE_SOURCE_DIR=${CMAKE_SOURCE_DIR}")
  if(A_LABELS)
    list(APPEND props LABELS "${A_LABELS}")
  endif()
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES ${props})
endfunction()

# newsmine_bench(NAME SRCS ... DEPS ...) — Google Benchmark, always -O2.
function(newsmine_bench name)
  cmake_parse_arguments(A "" "" "SRCS;DEPS" ${ARGN})
  add_executable(${name} ${A_SRCS})
  target_compile_options(${name} PRIVATE -O2)
  target_link_libraries(${name} PRIVATE ${A_DEPS} benchmark::benchmark)
  target_compile_definitions(${name} PRIVATE NEWSMINE_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
endfunction()
