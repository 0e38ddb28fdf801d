/* libFuzzer harness: the whole release2rec command line, in-process, on
 * arbitrary bytes as standard input (as xmllint's fuzz/lint.c does). The
 * first byte picks options, so option handling is fuzzed too. */
#include <stdint.h>
#include <stdio.h>

#include "tools.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  char *argv_url[] = {"release2rec", "--url", "https://example.org/r", "-", NULL};
  char *argv_lang[] = {"release2rec", "--lang", "en-GB", "--issuer", "Fuzz Office", NULL};
  char *argv_plain[] = {"release2rec", NULL};
  char **argv = data[0] % 3 == 0 ? argv_url : data[0] % 3 == 1 ? argv_lang : argv_plain;
  int argc = 0;
  while (argv[argc]) argc++;
  FILE *in = fmemopen((void *)(data + 1), size - 1 ? size - 1 : 1, "rb");
  FILE *out = fopen("/dev/null", "wb");
  FILE *err = fopen("/dev/null", "wb");
  if (in && out && err) release2rec_main(argc, argv, in, out, err);
  if (in) fclose(in);
  if (out) fclose(out);
  if (err) fclose(err);
  return 0;
}
