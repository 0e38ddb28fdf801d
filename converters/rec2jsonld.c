/* rec2jsonld.c - release/1 records to schema.org JSON-LD (docs/rec2jsonld.1).
 * The mapping is pp_jsonld_from_record(); this file is options and files. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pp_cli.h"
#include "pp_jsonld.h"
#include "tools.h"

#define TOOL "rec2jsonld"

static const char S_usage[] =
    "Usage: " TOOL " [OPTION]... [FILE]...\n"
    "Write each release/1 record of the FILEs (or standard input) as a schema.org\n"
    "JSON-LD document: a NewsArticle and the people, organisations, places and\n"
    "works it mentions, as one @graph linked by @id.\n"
    "\n"
    "  -d, --data DIR   accepted and ignored (the place types now come from the\n"
    "                   records; kept so existing scripts run)\n"
    "  -p, --pretty     indent the document (one record, unless --split or --html)\n"
    "  -s, --split DIR  write one file per record into DIR (created if missing),\n"
    "                   named after the record's source file: DIR/NAME.jsonld\n"
    "      --html       wrap each document in <script type=\"application/ld+json\">\n"
    "                   for pasting into a page (\"/\" escaped; .html with --split)\n"
    "  -h, --help       show this help and exit\n"
    "  -V, --version    show the version and exit\n"
    "\n"
    "Default output: JSON Lines, one document per record. Node ids carry the\n"
    "record id, so documents of many records merge into one graph. A place's\n"
    "type comes from its kind, a person's organisation from organization_id\n"
    "(release/1.1): nothing is matched by name. The records' extraction\n"
    "(release2rec) reads English; rec2jsonld writes what the records hold.\n"
    "Exit status: 0 all converted, 1 some records rejected (reported as\n"
    "FILE:LINE, the rest converted), 2 usage or I/O error.\n";

typedef struct {
  FILE *out;
  int flags;
  const char *split_dir;
  pp_strv stems; /* file stems written by --split, to keep names unique */
  size_t written;
} S_ctx;

/* A stem not used yet in this run (compared without ASCII case, for case-
 * insensitive file systems): stem, stem-2, stem-3, ... (caller frees). */
static char *S_unique_stem(S_ctx *c, char *stem) {
  char *cand = pp_xstrdup(stem);
  for (unsigned n = 2;; n++) {
    int taken = 0;
    for (size_t i = 0; i < c->stems.n && !taken; i++) {
      const char *a = c->stems.v[i], *b = cand;
      while (*a && *b) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
        char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
        if (x != y) break;
        a++, b++;
      }
      taken = *a == '\0' && *b == '\0';
    }
    if (!taken) break;
    free(cand);
    cand = pp_xasprintf("%s-%u", stem, n);
  }
  free(stem);
  pp_strv_push(&c->stems, cand);
  return cand;
}

static int S_write_file(S_ctx *c, const pp_record *r, const json_t *doc, pp_error *e) {
  char *stem = S_unique_stem(c, pp_jsonld_file_stem(r));
  char *path = pp_xasprintf("%s/%s.%s", c->split_dir, stem, (c->flags & PP_JSONLD_HTML) ? "html" : "jsonld");
  free(stem);
  FILE *f = fopen(path, "wb");
  if (!f) {
    pp_error_set(e, path, 0, "%s", strerror(errno));
    free(path);
    return PP_EXIT_FAILURE;
  }
  int rc = pp_jsonld_write(doc, f, c->flags, e);
  int saved = errno;
  if (fclose(f) != 0 && rc == 0) {
    rc = -1;
    saved = errno;
  }
  int status = PP_EXIT_OK;
  if (rc == -2) {
    remove(path);
    status = PP_EXIT_REJECTED; /* e says why; the reader adds FILE:LINE */
  } else if (rc != 0) {
    pp_error_set(e, path, 0, "write error: %s", strerror(saved ? saved : EIO));
    status = PP_EXIT_FAILURE;
  }
  free(path);
  return status;
}

static int S_convert(pp_record *r, void *vctx, pp_error *e) {
  S_ctx *c = vctx;
  if ((c->flags & PP_JSONLD_PRETTY) && !(c->flags & PP_JSONLD_HTML) && !c->split_dir && c->written > 0) {
    pp_error_set(e, NULL, 0,
                 "--pretty writes a single record and the input holds more "
                 "(use --split DIR for one file per record)");
    return PP_EXIT_FAILURE;
  }
  json_t *doc = pp_jsonld_from_record(r, e);
  if (!doc) return PP_EXIT_REJECTED;
  int status;
  if (c->split_dir) {
    status = S_write_file(c, r, doc, e);
  } else {
    int rc = pp_jsonld_write(doc, c->out, c->flags, e);
    /* a failed write to out is reported once, by pp_cli_finish */
    status = rc == 0 ? PP_EXIT_OK : rc == -2 ? PP_EXIT_REJECTED : PP_EXIT_FAILURE;
  }
  if (status == PP_EXIT_OK) c->written++;
  json_decref(doc);
  return status;
}

/* dir as a directory, created when missing; 0, or -1 reported. */
static int S_make_dir(const char *dir, FILE *err) {
  struct stat st;
  if (stat(dir, &st) != 0) {
    if (errno != ENOENT || mkdir(dir, 0777) != 0) {
      pp_cli_errorf(err, TOOL, "%s: %s", dir, strerror(errno));
      return -1;
    }
  } else if (!S_ISDIR(st.st_mode)) {
    pp_cli_errorf(err, TOOL, "%s: %s", dir, strerror(ENOTDIR));
    return -1;
  }
  return 0;
}

int rec2jsonld_main(int argc, char **argv, FILE *in, FILE *out, FILE *err) {
  enum { OPT_HTML = 256 };
  static const struct option longopts[] = {
      {"data", required_argument, NULL, 'd'},
      {"pretty", no_argument, NULL, 'p'},
      {"split", required_argument, NULL, 's'},
      {"html", no_argument, NULL, OPT_HTML},
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},
      {NULL, 0, NULL, 0},
  };
  S_ctx c = {out, 0, NULL, PP_STRV_INIT, 0};
  pp_cli_init();
  opterr = 0;
  optind = 0;
  int opt;
  while ((opt = getopt_long(argc, argv, ":d:ps:hV", longopts, NULL)) != -1) {
    switch (opt) {
    case 'd': /* ignored since release/1.1: no language pack is loaded */
      break;
    case 'p':
      c.flags |= PP_JSONLD_PRETTY;
      break;
    case 's':
      c.split_dir = optarg;
      break;
    case OPT_HTML:
      c.flags |= PP_JSONLD_HTML;
      break;
    case 'h':
      fputs(S_usage, out);
      return pp_cli_finish(out, err, TOOL, PP_EXIT_OK);
    case 'V':
      pp_cli_version(out, TOOL);
      return pp_cli_finish(out, err, TOOL, PP_EXIT_OK);
    default:
      return pp_cli_bad_option(err, TOOL, argv, opt);
    }
  }
  if (c.split_dir && c.split_dir[0] == '\0')
    return pp_cli_usage_error(err, TOOL, "--split needs a directory name");
  if (c.split_dir && S_make_dir(c.split_dir, err) != 0) return PP_EXIT_FAILURE;
  int status = pp_cli_read_records(TOOL, argv + optind, argc - optind, in, err, S_convert, &c);
  pp_strv_free(&c.stems);
  return pp_cli_finish(out, err, TOOL, status);
}
