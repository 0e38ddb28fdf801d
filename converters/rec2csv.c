/* rec2csv.c - placeholder: the filter is not written yet. */
#include "pp_cli.h"
#include "tools.h"

int rec2csv_main(int argc, char **argv, FILE *in, FILE *out, FILE *err) {
  (void)argc, (void)argv, (void)in, (void)out;
  pp_cli_errorf(err, "rec2csv", "not implemented yet");
  return PP_EXIT_FAILURE;
}
