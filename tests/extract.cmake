# pp_extract (issue 3): people, organisations, places, works, quotes and
# contacts. The corpus test holds the accuracy floors; the golden test
# pins the invented fixtures of fixtures/extract; the unit test drives the
# lexicon and the extractor through the library API.
pp_add_sh_test(extract_corpus_entities extract/corpus-entities.sh corpus)
pp_add_sh_test(extract_golden extract/golden.sh golden)
pp_add_sh_test(extract_lexicon_errors extract/lexicon-errors.sh cli)
pp_add_unit_test(extract_api)
# issue 11: rule-level spec of invented examples, the organisation pass on
# 20,000 phrases, the furniture check over the silver records
add_test(NAME extract_spec COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/extract/spec.py
         ${CMAKE_BINARY_DIR}/bin/release2rec ${CMAKE_CURRENT_SOURCE_DIR}/spec/entities.txt)
set_tests_properties(extract_spec PROPERTIES LABELS extract ENVIRONMENT "${PP_TEST_ENV}" TIMEOUT 300)
pp_add_sh_test(extract_org_linear extract/org-linear.sh robustness)
set_tests_properties(extract_org_linear PROPERTIES TIMEOUT 60)
pp_add_sh_test(extract_silver_furniture extract/silver-furniture.sh corpus)
