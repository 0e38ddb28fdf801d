/* libFuzzer harness: arbitrary bytes as a record stream through every
 * rec2* filter, in-process, with the first byte picking their options. */
#include <stdint.h>
#include <stdio.h>

#include "tools.h"

typedef int (*tool_main)(int, char **, FILE *, FILE *, FILE *);

static void S_run(tool_main fn, char **argv, const uint8_t *data, size_t size) {
  int argc = 0;
  while (argv[argc]) argc++;
  FILE *in = fmemopen((void *)data, size ? size : 1, "rb");
  FILE *out = fopen("/dev/null", "wb");
  FILE *err = fopen("/dev/null", "wb");
  if (in && out && err) fn(argc, argv, in, out, err);
  if (in) fclose(in);
  if (out) fclose(out);
  if (err) fclose(err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  int pick = data[0] & 1;
  data++, size--;
  char *newsml_a[] = {"rec2newsml", NULL};
  char *newsml_b[] = {"rec2newsml", "--provider", "example.org", NULL};
  char *jsonld_a[] = {"rec2jsonld", NULL};
  char *jsonld_b[] = {"rec2jsonld", "--html", NULL};
  char *csv_a[] = {"rec2csv", NULL};
  char *csv_b[] = {"rec2csv", "--raw", "--table", "organizations", NULL};
  S_run(rec2newsml_main, pick ? newsml_b : newsml_a, data, size);
  S_run(rec2jsonld_main, pick ? jsonld_b : jsonld_a, data, size);
  S_run(rec2csv_main, pick ? csv_b : csv_a, data, size);
  return 0;
}
