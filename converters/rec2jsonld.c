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
#include "pp_split.h"
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
    "      --no-clobber with --split, keep the files that exist already and skip\n"
    "                   their records\n"
    "      --sync       with --split, fsync each file before it is renamed into\n"
    "                   place (slower; see the man page)\n"
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
  pp_split *split; /* --split */
  size_t written;
} S_ctx;

typedef struct {
  const json_t *doc;
  int flags;
} S_doc;

static int S_fill(FILE *f, void *vdoc, pp_error *e) {
  S_doc *d = vdoc;
  return pp_jsonld_write(d->doc, f, d->flags, e);
}

/* One file per record through pp_split. A renamed file is a warning:
 * PP_EXIT_OK with *e set, which the reader reports with FILE:LINE. */
static int S_write_file(S_ctx *c, const pp_record *r, const json_t *doc, pp_error *e) {
  char *stem = pp_jsonld_file_stem(r);
  S_doc d = {doc, c->flags};
  pp_error warn = {0};
  int rc = pp_split_write(c->split, stem, S_fill, &d, &warn, e);
  free(stem);
  if (rc == PP_SPLIT_ERROR || rc == PP_SPLIT_REFUSED) {
    pp_error_clear(&warn);
    return rc == PP_SPLIT_ERROR ? PP_EXIT_FAILURE : PP_EXIT_REJECTED; /* e says why */
  }
  *e = warn;
  return PP_EXIT_OK;
}

static int S_convert(pp_record *r, void *vctx, pp_error *e) {
  S_ctx *c = vctx;
  if ((c->flags & PP_JSONLD_PRETTY) && !(c->flags & PP_JSONLD_HTML) && !c->split && c->written > 0) {
    pp_error_set(e, NULL, 0,
                 "--pretty writes a single record and the input holds more "
                 "(use --split DIR for one file per record)");
    return PP_EXIT_FAILURE;
  }
  json_t *doc = pp_jsonld_from_record(r, e);
  if (!doc) return PP_EXIT_REJECTED;
  int status;
  if (c->split) {
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

int rec2jsonld_main(int argc, char **argv, FILE *in, FILE *out, FILE *err) {
  enum { OPT_HTML = 256, OPT_NO_CLOBBER, OPT_SYNC };
  static const struct option longopts[] = {
      {"data", required_argument, NULL, 'd'},
      {"pretty", no_argument, NULL, 'p'},
      {"split", required_argument, NULL, 's'},
      {"html", no_argument, NULL, OPT_HTML},
      {"no-clobber", no_argument, NULL, OPT_NO_CLOBBER},
      {"sync", no_argument, NULL, OPT_SYNC},
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},
      {NULL, 0, NULL, 0},
  };
  S_ctx c = {out, 0, NULL, 0};
  const char *split_dir = NULL;
  unsigned split_flags = 0;
  pp_cli_init(TOOL, out, err);
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
      split_dir = optarg;
      break;
    case OPT_NO_CLOBBER:
      split_flags |= PP_SPLIT_NO_CLOBBER;
      break;
    case OPT_SYNC:
      split_flags |= PP_SPLIT_SYNC;
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
  if (split_dir && split_dir[0] == '\0')
    return pp_cli_usage_error(err, TOOL, "--split needs a directory name");
  if (split_flags && !split_dir)
    return pp_cli_usage_error(err, TOOL, "--%s needs --split DIR",
                              (split_flags & PP_SPLIT_NO_CLOBBER) ? "no-clobber" : "sync");
  pp_error e = {0};
  if (split_dir) {
    c.split = pp_split_new(split_dir, (c.flags & PP_JSONLD_HTML) ? ".html" : ".jsonld", split_flags, &e);
    if (!c.split) {
      pp_cli_report(err, TOOL, &e);
      pp_error_clear(&e);
      return PP_EXIT_FAILURE;
    }
  }
  int status = pp_cli_read_records(TOOL, argv + optind, argc - optind, in, err, S_convert, &c);
  if (c.split) status = pp_cli_worse(status, pp_cli_split_finish(TOOL, c.split, err));
  pp_split_free(c.split);
  return pp_cli_finish(out, err, TOOL, status);
}
