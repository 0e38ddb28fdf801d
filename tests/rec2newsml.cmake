# rec2newsml tests (issue 4). The C checker test_newsml_check validates with
# libxml2 against the NewsML-G2 2.35 XSD and checks what the schema cannot;
# run without arguments it is a self-test that also proves it catches broken
# documents. The shell tests use it on every output they make.
pp_add_unit_test(newsml_api)
pp_add_unit_test(newsml_check)
pp_add_sh_test(rec2newsml_golden rec2newsml/golden.sh golden)
pp_add_sh_test(rec2newsml_validate rec2newsml/validate.sh schema)
pp_add_sh_test(rec2newsml_cli rec2newsml/cli.sh cli)
pp_add_sh_test(rec2newsml_split rec2newsml/split.sh golden)
pp_add_sh_test(rec2newsml_corpus rec2newsml/corpus.sh corpus)
pp_add_sh_test(rec2newsml_valgrind rec2newsml/valgrind.sh valgrind)
pp_add_sh_test(rec2newsml_ingest rec2newsml/ingest.sh corpus)
pp_add_sh_test(tools_docs rec2newsml/docs.sh cli)
pp_add_sh_test(writers_source_name rec2newsml/source-name.sh cli)
