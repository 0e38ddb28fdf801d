# newsml2rec tests (issue 13): the CLI contract and hostile XML, items of
# other producers (invented fixtures and IPTC's examples), and the round trip
# release2rec | rec2newsml | newsml2rec.
pp_add_sh_test(newsml2rec_cli newsml2rec/cli.sh cli)
pp_add_sh_test(newsml2rec_golden newsml2rec/golden.sh golden)
pp_add_sh_test(newsml2rec_iptc newsml2rec/iptc.sh schema)
pp_add_sh_test(newsml2rec_roundtrip newsml2rec/roundtrip.sh corpus)
pp_add_sh_test(newsml2rec_valgrind newsml2rec/valgrind.sh valgrind)
