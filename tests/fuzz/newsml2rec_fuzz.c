/* libFuzzer harness: arbitrary bytes as a NewsML-G2 document through
 * newsml2rec, in-process (standard input), output discarded. */
#include <stdint.h>
#include <stdio.h>

#include "tools.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *argv[] = {"newsml2rec", NULL};
  FILE *in = fmemopen((void *)data, size ? size : 1, "rb");
  FILE *out = fopen("/dev/null", "wb");
  FILE *err = fopen("/dev/null", "wb");
  if (in && out && err) newsml2rec_main(1, argv, in, out, err);
  if (in) fclose(in);
  if (out) fclose(out);
  if (err) fclose(err);
  return 0;
}
