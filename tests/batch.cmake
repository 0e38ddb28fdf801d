# release2rec batches: directories, lists, archives, -j, progress, resume.
pp_add_sh_test(batch_inputs batch/inputs.sh batch)
