# Hostile inputs that used to stall a batch (issue 9, algorithmic
# complexity). Each script generates its input at test time at the issue's
# sizes and checks the output; the TIMEOUT is generous (a fixed build takes
# well under a second per case: bench/pathological.sh prints the times) but
# far below what the quadratic and cubic versions took.
foreach(t newsml-namesakes newsml-mentions jsonld-participants csv-quotes)
  pp_add_sh_test(pathological_${t} pathological/${t}.sh robustness)
  set_tests_properties(pathological_${t} PROPERTIES TIMEOUT 60)
endforeach()
