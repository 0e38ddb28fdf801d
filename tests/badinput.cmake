# Bad input and hostile conditions: tests/badinput/cases.txt run by
# tests/badinput/run.sh (exact stderr and exit code per case), and running
# out of memory at every point of a run (tests/badinput/oom.sh).
pp_add_sh_test(badinput_oom badinput/oom.sh robustness)
pp_add_sh_test(badinput_cases badinput/run.sh robustness)
pp_add_unit_test(cli)
