#include "pp_cli.h"
#include "tools.h"

int release2rec_main(int argc, char **argv, FILE *in, FILE *out, FILE *err) {
  (void)argc, (void)argv, (void)in, (void)out;
  pp_cli_errorf(err, "release2rec", "not implemented yet");
  return PP_EXIT_FAILURE;
}
