/* newsml2rec.c - IPTC NewsML-G2 back to release records (JSON Lines).
 * The reading is pp_newsml_read; this is the command line (docs/newsml2rec.1). */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pp_cli.h"
#include "pp_newsml_read.h"
#include "tools.h"

#define TOOL "newsml2rec"

static const char S_help[] =
    "Usage: newsml2rec [OPTION]... [FILE]...\n"
    "Read IPTC NewsML-G2 (a newsMessage or a bare newsItem; standard input when\n"
    "no FILE or FILE is -; a directory: its *.xml files in name order, as\n"
    "rec2newsml --split writes them) and write one release/1.1 record per text\n"
    "newsItem as JSON Lines on standard output.\n"
    "\n"
    "Options:\n"
    "  -h, --help     print this help and exit\n"
    "  -V, --version  print the version and exit\n"
    "\n"
    "Items rec2newsml wrote come back field for field; items of other producers\n"
    "are read for what they carry (docs/newsml.md). Pictures, video and other\n"
    "items that are not text are reported and skipped. Documents declaring DTD\n"
    "entities, larger than 64 MiB or nested too deep are refused; nothing is\n"
    "fetched from the network. The text extraction of presspipe (release2rec)\n"
    "reads English; newsml2rec takes the people, places and organisations the\n"
    "items name, in any language.\n"
    "\n"
    "Exit status: 0 all converted; 1 some input rejected or skipped (reported,\n"
    "the rest converted); 2 usage or I/O error, including a failed write.\n"
    "\n"
    "Example: newsml2rec items.xml | rec2csv > people.csv\n";

typedef struct {
  FILE *in, *out, *err;
  int status;
  int write_failed;
} S_ctx;

static int S_on_item(pp_record *r, void *vctx) {
  S_ctx *c = vctx;
  int rc = pp_record_write(r, c->out);
  pp_record_free(r);
  if (rc != 0) {
    c->write_failed = 1;
    return 1;
  }
  return 0;
}

static void S_on_skip(const pp_error *why, void *vctx) {
  S_ctx *c = vctx;
  pp_cli_report(c->err, TOOL, why);
  c->status = pp_cli_worse(c->status, PP_EXIT_REJECTED);
}

/* Reads all of f; returns 0 or -1 (errno set). Stops past limit bytes. */
static int S_slurp(FILE *f, unsigned char **data, size_t *len, size_t limit) {
  size_t cap = 65536, n = 0;
  unsigned char *b = pp_xmalloc(cap);
  for (;;) {
    if (n == cap) {
      cap *= 2;
      b = pp_xrealloc(b, cap);
    }
    size_t k = fread(b + n, 1, cap - n, f);
    n += k;
    if (k == 0 || n > limit) break;
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

static void S_document(S_ctx *c, const char *name, FILE *f) {
  unsigned char *data;
  size_t len;
  if (S_slurp(f, &data, &len, (size_t)PP_NEWSML_READ_MAX_BYTES) != 0) {
    pp_cli_errorf(c->err, TOOL, "%s: read error: %s", name, strerror(errno));
    c->status = PP_EXIT_FAILURE;
    return;
  }
  pp_newsml_read_cb cb = {S_on_item, S_on_skip, c};
  pp_error e = {0};
  if (pp_newsml_read(name, data, len, &cb, &e) < 0) {
    pp_cli_report(c->err, TOOL, &e);
    c->status = pp_cli_worse(c->status, PP_EXIT_REJECTED);
  }
  pp_error_clear(&e);
  free(data);
}

static int S_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void S_file(S_ctx *c, const char *path);

static void S_dir(S_ctx *c, const char *path) {
  DIR *d = opendir(path);
  if (!d) {
    pp_cli_errorf(c->err, TOOL, "%s: %s", path, strerror(errno));
    c->status = PP_EXIT_FAILURE;
    return;
  }
  pp_strv names = PP_STRV_INIT;
  struct dirent *de;
  while ((de = readdir(d))) {
    size_t n = strlen(de->d_name);
    if (de->d_name[0] != '.' && n > 4 && strcmp(de->d_name + n - 4, ".xml") == 0)
      pp_strv_push(&names, de->d_name);
  }
  closedir(d);
  if (names.n) qsort(names.v, names.n, sizeof *names.v, S_cmp);
  if (names.n == 0) pp_cli_errorf(c->err, TOOL, "%s: no *.xml file in the directory", path);
  if (names.n == 0) c->status = pp_cli_worse(c->status, PP_EXIT_REJECTED);
  for (size_t i = 0; i < names.n && !c->write_failed; i++) {
    char *p = pp_xasprintf("%s/%s", path, names.v[i]);
    S_file(c, p);
    free(p);
  }
  pp_strv_free(&names);
}

static void S_file(S_ctx *c, const char *path) {
  if (strcmp(path, "-") == 0) {
    S_document(c, "-", c->in);
    return;
  }
  struct stat st;
  if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
    S_dir(c, path);
    return;
  }
  FILE *f = fopen(path, "rb");
  if (!f) {
    pp_cli_errorf(c->err, TOOL, "%s: %s", path, strerror(errno));
    c->status = PP_EXIT_FAILURE;
    return;
  }
  S_document(c, path, f);
  fclose(f);
}

int newsml2rec_main(int argc, char **argv, FILE *in, FILE *out, FILE *err) {
  static const struct option longopts[] = {{"help", no_argument, NULL, 'h'},
                                           {"version", no_argument, NULL, 'V'},
                                           {NULL, 0, NULL, 0}};
  pp_cli_init(TOOL, out, err);
  opterr = 0;
  optind = 0;
  int opt;
  while ((opt = getopt_long(argc, argv, ":hV", longopts, NULL)) != -1) {
    switch (opt) {
    case 'h': fputs(S_help, out); return pp_cli_finish(out, err, TOOL, PP_EXIT_OK);
    case 'V': pp_cli_version(out, TOOL); return pp_cli_finish(out, err, TOOL, PP_EXIT_OK);
    default: return pp_cli_bad_option(err, TOOL, argv, opt);
    }
  }
  S_ctx c = {in, out, err, PP_EXIT_OK, 0};
  if (optind >= argc) {
    S_document(&c, "-", in);
  } else {
    for (int i = optind; i < argc && !c.write_failed; i++) {
      S_file(&c, argv[i]);
    }
  }
  if (c.write_failed) {
    pp_cli_errorf(err, TOOL, "write error: %s", strerror(errno ? errno : EIO));
    return PP_EXIT_FAILURE;
  }
  return pp_cli_finish(out, err, TOOL, c.status);
}
