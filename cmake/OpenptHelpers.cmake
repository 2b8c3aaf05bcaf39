# Small helpers so every module and test is declared the same way.
#
#   openpt_add_module(NAME core SOURCES a.cpp b.cpp DEPS fmt::fmt)
#     -> static library openpt_<name>, alias openpt::<name>, include root src/
#   openpt_add_test(NAME motion_kinematics SOURCES t.cpp DEPS openpt::motion LABELS unit)
#     -> GoogleTest executable registered with ctest, labelled

function(openpt_add_module)
  cmake_parse_arguments(M "" "NAME" "SOURCES;DEPS" ${ARGN})
  add_library(openpt_${M_NAME} STATIC ${M_SOURCES})
  add_library(openpt::${M_NAME} ALIAS openpt_${M_NAME})
  target_include_directories(openpt_${M_NAME} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(openpt_${M_NAME} PUBLIC ${M_DEPS})
endfunction()

function(openpt_add_test)
  cmake_parse_arguments(T "" "NAME" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(test_${T_NAME} ${T_SOURCES})
  target_link_libraries(test_${T_NAME} PRIVATE ${T_DEPS} GTest::gtest GTest::gtest_main GTest::gmock)
  target_compile_definitions(test_${T_NAME} PRIVATE
    OPENPT_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    OPENPT_BINARY_DIR="${PROJECT_BINARY_DIR}")
  if(NOT T_LABELS)
    set(T_LABELS unit)
  endif()
  add_test(NAME ${T_NAME} COMMAND test_${T_NAME})
  set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}"
    SKIP_RETURN_CODE 77
    ENVIRONMENT "OPENPT_BIN=$<TARGET_FILE:openpt>")
endfunction()
