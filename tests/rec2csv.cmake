# rec2csv tests (issue 6): C unit tests (tests/unit/csv_*.c) and shell tests
# (tests/rec2csv/*.sh with the Python checkers beside them).
pp_add_unit_test(csv_guard)
pp_add_unit_test(csv_writer)
pp_add_unit_test(csv_stream)
pp_add_sh_test(rec2csv_golden rec2csv/golden.sh golden)
pp_add_sh_test(rec2csv_cli rec2csv/cli.sh cli)
pp_add_sh_test(rec2csv_schema rec2csv/schema.sh schema)
pp_add_sh_test(rec2csv_python_csv rec2csv/python_csv.sh client)
pp_add_sh_test(rec2csv_sqlite rec2csv/sqlite.sh client)
pp_add_sh_test(rec2csv_corpus rec2csv/corpus.sh corpus)
pp_add_sh_test(rec2csv_valgrind rec2csv/valgrind.sh valgrind)
