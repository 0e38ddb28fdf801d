# rec2jsonld tests (included by tests/CMakeLists.txt).
#   unit_jsonld_api         the mapping rules and messages, one by one
#   unit_jsonld_roundtrip   fixtures -> JSON-LD -> jansson: people, orgs, places back
#   rec2jsonld_golden       fixtures, byte-compared (make regen-golden rewrites)
#   rec2jsonld_cli          options, bad lines (FILE:LINE, exit 1), I/O errors (exit 2)
#   rec2jsonld_checker      installs shared/tools/jsonld-check into the build tree (npm ci)
#   rec2jsonld_validate     every fixture's output through the checker: 0 errors
#   rec2jsonld_corpus       every corpus release: release2rec | rec2jsonld | checker
#   rec2jsonld_valgrind     every path under memcheck: no error, no leak
pp_add_unit_test(jsonld_api)
pp_add_unit_test(jsonld_roundtrip)

pp_add_sh_test(rec2jsonld_golden rec2jsonld/golden.sh golden)
pp_add_sh_test(rec2jsonld_cli rec2jsonld/cli.sh cli)

# The checker is installed once per build tree; the tests that run it need it.
pp_add_sh_test(rec2jsonld_checker rec2jsonld/checker.sh jsonld)
set_tests_properties(rec2jsonld_checker PROPERTIES FIXTURES_SETUP jsonld_checker)
set_property(TEST rec2jsonld_checker APPEND PROPERTY ENVIRONMENT "PP_CHECKER_INSTALL_ONLY=1")

pp_add_sh_test(rec2jsonld_validate rec2jsonld/validate.sh jsonld)
set_tests_properties(rec2jsonld_validate PROPERTIES FIXTURES_REQUIRED jsonld_checker)

pp_add_sh_test(rec2jsonld_corpus rec2jsonld/corpus.sh "jsonld;corpus")
set_tests_properties(rec2jsonld_corpus PROPERTIES FIXTURES_REQUIRED jsonld_checker)
set_property(TEST rec2jsonld_corpus APPEND PROPERTY ENVIRONMENT
             "PP_JSONLD_ROUNDTRIP=$<TARGET_FILE:test_jsonld_roundtrip>")

pp_add_sh_test(rec2jsonld_valgrind rec2jsonld/valgrind.sh valgrind)
pp_add_sh_test(rec2jsonld_checker_offline rec2jsonld/checker-offline.sh jsonld)
pp_add_sh_test(rec2jsonld_rdf_merge rec2jsonld/rdf_merge.sh "jsonld;corpus")
