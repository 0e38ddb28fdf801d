# release2rec: the foundation's tests.
pp_add_sh_test(release2rec_cli release2rec/cli.sh cli)
pp_add_sh_test(release2rec_schema release2rec/schema.sh schema)
pp_add_sh_test(release2rec_corpus release2rec/corpus.sh corpus)
pp_add_unit_test(jsonl)
pp_add_unit_test(record)

# Fixture golden tests and the unit tests of decoding, dates and datelines.
pp_add_sh_test(release2rec_golden release2rec/golden.sh golden)
pp_add_unit_test(text)
pp_add_unit_test(date)
pp_add_unit_test(dateline)
pp_add_sh_test(release2rec_pathological release2rec/pathological.sh robustness)
set_tests_properties(release2rec_pathological PROPERTIES TIMEOUT 120)

# The line-accounting invariant: every non-blank input line has a class.
add_executable(line_account ${CMAKE_CURRENT_SOURCE_DIR}/release2rec/line_account.c)
target_link_libraries(line_account PRIVATE pp)
pp_add_compile_options(line_account)
pp_add_sh_test(release2rec_lines release2rec/lines.sh invariant)
set_tests_properties(release2rec_lines PROPERTIES ENVIRONMENT
  "${PP_TEST_ENV};PP_LINE_ACCOUNT=$<TARGET_FILE:line_account>")
pp_add_sh_test(release2rec_silver release2rec/silver.sh corpus)

# The structure spec: the examples of docs/record.md's layout rules as tests.
# python3 is found when the test runs (the README's test command installs
# it), so that building the filters alone does not need it.
add_test(NAME release2rec_structure_spec
  COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/spec/run_structure.py
          ${CMAKE_CURRENT_SOURCE_DIR}/spec/structure.txt $<TARGET_FILE:release2rec>
          $<TARGET_FILE:line_account> ${CMAKE_SOURCE_DIR}/data/en)
set_tests_properties(release2rec_structure_spec PROPERTIES LABELS spec TIMEOUT 120
  ENVIRONMENT "${PP_TEST_ENV}")
