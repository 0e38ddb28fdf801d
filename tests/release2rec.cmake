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
