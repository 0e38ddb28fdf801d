/* release2rec - plain-text press releases to release/1 records (JSON Lines). */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "pp_cli.h"
#include "pp_extract.h"
#include "pp_lang.h"
#include "pp_release.h"
#include "tools.h"

static const char *const TOOL = "release2rec";

static void S_help(FILE *out) {
  fputs(
      "Usage: release2rec [OPTION]... [FILE]...\n"
      "Read plain-text press releases and write one release/1 record per FILE as\n"
      "JSON Lines on standard output, in input order. With no FILE, or when FILE\n"
      "is -, read one release from standard input.\n"
      "\n"
      "Options:\n"
      "  -u, --url URL        the release's published address (fills \"url\")\n"
      "  -i, --issuer NAME    the issuing organisation (fills \"issuer\")\n"
      "  -l, --lang TAG       BCP 47 language tag of the text (default: en)\n"
      "  -d, --data DIR       read lexicons and gazetteer from DIR\n"
      "  -h, --help           print this help and exit\n"
      "  -V, --version        print the version and exit\n"
      "\n"
      "Input may be UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252.\n"
      "The extraction of people, organisations, places and quotes reads English (the\n"
      "language pack data/en/); --lang only labels the record.\n"
      "\n"
      "Exit status: 0 all inputs converted; 1 some input rejected (reported, the\n"
      "rest converted); 2 usage or I/O error, including a failed write.\n"
      "\n"
      "Example: release2rec releases/*.txt | rec2newsml > items.xml\n",
      out);
}

/* Reads all of f into a new buffer; returns 0 or -1 (errno set). */
static int S_slurp(FILE *f, unsigned char **data, size_t *len) {
  size_t cap = 65536, n = 0;
  unsigned char *b = pp_xmalloc(cap);
  for (;;) {
    if (n == cap) {
      cap *= 2;
      b = pp_xrealloc(b, cap);
    }
    size_t k = fread(b + n, 1, cap - n, f);
    n += k;
    if (k == 0) break;
  }
  if (ferror(f)) {
    int e = errno;
    free(b);
    errno = e ? e : EIO;
    return -1;
  }
  *data = b;
  *len = n;
  return 0;
}

static int S_convert(const char *name, FILE *f, const pp_release_opts *base,
                     const pp_lang *lex, FILE *out, FILE *err) {
  unsigned char *raw;
  size_t n;
  if (S_slurp(f, &raw, &n) < 0) {
    pp_cli_errorf(err, TOOL, "%s: read error: %s", name, strerror(errno));
    return PP_EXIT_FAILURE;
  }
  pp_release_opts o = *base;
  o.name = name;
  char *why = NULL;
  pp_record *r = pp_release_parse(raw, n, &o, &why);
  free(raw);
  if (!r) {
    pp_cli_errorf(err, TOOL, "%s: %s", name, why);
    free(why);
    return PP_EXIT_REJECTED;
  }
  pp_extract_entities(r, lex);
  int rc = pp_record_write(r, out);
  pp_record_free(r);
  if (rc < 0) {
    pp_cli_errorf(err, TOOL, "write error: %s", strerror(errno ? errno : EIO));
    return PP_EXIT_FAILURE;
  }
  return PP_EXIT_OK;
}

int release2rec_main(int argc, char **argv, FILE *in, FILE *out, FILE *err) {
  static const struct option longopts[] = {{"url", required_argument, NULL, 'u'},
                                           {"issuer", required_argument, NULL, 'i'},
                                           {"lang", required_argument, NULL, 'l'},
                                           {"data", required_argument, NULL, 'd'},
                                           {"help", no_argument, NULL, 'h'},
                                           {"version", no_argument, NULL, 'V'},
                                           {NULL, 0, NULL, 0}};
  pp_release_opts opts = {NULL, NULL, NULL, NULL};
  const char *datadir = NULL;
  int c;
  pp_cli_init();
  opterr = 0;
  optind = 0;
  while ((c = getopt_long(argc, argv, ":u:i:l:d:hV", longopts, NULL)) != -1) {
    switch (c) {
    case 'u': opts.url = optarg; break;
    case 'i': opts.issuer = optarg; break;
    case 'l': opts.lang = optarg; break;
    case 'd': datadir = optarg; break;
    case 'h': S_help(out); return pp_cli_finish(out, err, TOOL, PP_EXIT_OK);
    case 'V': pp_cli_version(out, TOOL); return pp_cli_finish(out, err, TOOL, PP_EXIT_OK);
    default: return pp_cli_bad_option(err, TOOL, argv, c);
    }
  }
  if (opts.lang && (!*opts.lang || strspn(opts.lang, "abcdefghijklmnopqrstuvwxyz"
                                                     "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") !=
                                       strlen(opts.lang)))
    return pp_cli_usage_error(err, TOOL, "--lang wants a BCP 47 tag such as 'en' or 'en-GB'");

  pp_error e = {0};
  pp_lang *lex = pp_lang_load(datadir, &e);
  if (!lex) {
    pp_cli_report(err, TOOL, &e);
    pp_error_clear(&e);
    return PP_EXIT_FAILURE;
  }

  int status = PP_EXIT_OK;
  int nfiles = argc - optind;
  for (int k = 0; k < (nfiles ? nfiles : 1); k++) {
    const char *name = nfiles ? argv[optind + k] : "-";
    int st;
    if (strcmp(name, "-") == 0) {
      st = S_convert("-", in, &opts, lex, out, err);
    } else {
      FILE *f = fopen(name, "rb");
      if (!f) {
        pp_cli_errorf(err, TOOL, "%s: %s", name, strerror(errno));
        status = PP_EXIT_FAILURE;
        continue;
      }
      st = S_convert(name, f, &opts, lex, out, err);
      fclose(f);
    }
    status = pp_cli_worse(status, st);
    if (st == PP_EXIT_FAILURE && ferror(out)) break;
  }
  pp_lang_free(lex);
  return pp_cli_finish(out, err, TOOL, status);
}
