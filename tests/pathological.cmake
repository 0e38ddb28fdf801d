# Hostile inputs that used to stall a batch (issue 9, algorithmic
# complexity). Each script generates its input at test time at the issue's
# sizes and checks the output; the TIMEOUT is generous (a fixed build takes
# well under a second per case: bench/pathological.sh prints the times) but
# far below what the quadratic and cubic versions took.
foreach(t newsml-namesakes newsml-mentions jsonld-participants csv-quotes release-quotes
        release-orgs release-big)
  pp_add_sh_test(pathological_${t} pathological/${t}.sh robustness)
  set_tests_properties(pathological_${t} PROPERTIES TIMEOUT 60)
endforeach()
# The organisation pass of pp_extract.c is quadratic (org_add, merge_orgs,
# the initials look-up of find_known_orgs) and the extract branch is making
# it linear: until that is merged these two run for minutes and stay
# disabled (ctest lists them as "Not Run (Disabled)"). Enable them with the
# merge.
set_tests_properties(pathological_release-orgs pathological_release-big PROPERTIES DISABLED TRUE)
pp_add_unit_test(util_sets)
