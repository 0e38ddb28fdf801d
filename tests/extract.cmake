# pp_extract (issue 3): people, organisations, places, works, quotes and
# contacts. The corpus test holds the accuracy floors; the golden test
# pins the invented fixtures of fixtures/extract; the unit test drives the
# lexicon and the extractor through the library API.
pp_add_sh_test(extract_corpus_entities extract/corpus-entities.sh corpus)
pp_add_sh_test(extract_golden extract/golden.sh golden)
pp_add_sh_test(extract_lexicon_errors extract/lexicon-errors.sh cli)
pp_add_unit_test(extract_api)
