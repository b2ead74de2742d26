# The extraction benchmark (issue 4); included from bench/CMakeLists.txt.
if(TARGET newsmine_extract)
  newsmine_bench(extract_bench SRCS extract_bench.cc DEPS newsmine_extract)
  # html_tree.h (internal) declares the bare Gumbo parse the bench compares with.
  target_link_libraries(extract_bench PRIVATE PkgConfig::GUMBO)
endif()
