# release2rec batches: directories, lists, archives, -j, progress, resume.
pp_add_sh_test(batch_inputs batch/inputs.sh batch)
pp_add_sh_test(batch_silver batch/silver.sh batch)
pp_add_sh_test(batch_tty batch/tty.sh batch)
