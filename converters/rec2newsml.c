/* rec2newsml.c - release records (JSON Lines) to IPTC NewsML-G2 2.35.
 * The conversion is pp_newsml; this is the command line (docs/rec2newsml.1). */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pp_cli.h"
#include "pp_newsml.h"
#include "pp_split.h"
#include "tools.h"

#define TOOL "rec2newsml"

static const char S_help[] =
    "Usage: rec2newsml [OPTION]... [FILE]...\n"
    "Convert release records (JSON Lines; standard input when no FILE or FILE is -)\n"
    "to IPTC NewsML-G2 2.35: one newsMessage with a newsItem per record.\n"
    "\n"
    "      --item             write a bare newsItem (the input must hold one record)\n"
    "      --split DIR        write one newsItem file per record into DIR (created\n"
    "                         when missing), named from the record id: DIR/ID.xml\n"
    "      --no-clobber       with --split, keep the files that exist already and\n"
    "                         skip their records\n"
    "      --sync             with --split, fsync each file before it is renamed\n"
    "                         into place (slower; see the man page)\n"
    "      --provider DOMAIN  authority of the guids and provider of the items\n"
    "                         (default " PP_NEWSML_PROVIDER ")\n"
    "      --sent DATETIME    the conversion time: sent, versionCreated, and\n"
    "                         firstCreated of records without a date, e.g.\n"
    "                         2025-06-01T12:00:00Z (default: SOURCE_DATE_EPOCH\n"
    "                         when set, else now); firstCreated is the release date\n"
    "      --catalog-url URL  where items say the toolkit's QCode catalog is; a\n"
    "                         producer who publishes items must set it to where it\n"
    "                         serves data/newsml/catalog.presspipe_1.xml (the\n"
    "                         default, " PP_NEWSML_CATALOG_URL ",\n"
    "                         resolves nowhere)\n"
    "      --source-name basename|as-given\n"
    "                         the source file name in the items without its\n"
    "                         directories (default), or as the record has it\n"
    "  -h, --help             show this help and exit\n"
    "  -V, --version          show the version and exit\n"
    "\n"
    "The records' extraction (release2rec) reads English; rec2newsml writes what\n"
    "the records hold.\n"
    "\n"
    "Exit status: 0 all converted; 1 some input rejected (reported, the rest\n"
    "converted); 2 usage or I/O error.\n";

enum { S_OPT_ITEM = 256, S_OPT_SPLIT, S_OPT_NO_CLOBBER, S_OPT_SYNC, S_OPT_PROVIDER, S_OPT_SENT, S_OPT_CATALOG,
       S_OPT_SOURCE_NAME };

typedef struct {
  pp_newsml_writer *w;    /* newsMessage or bare newsItem */
  pp_split *split;        /* --split */
  const pp_newsml_options *o;
  FILE *err;
  long records;
  int item_mode;
  int write_failed;
  int basename; /* --source-name basename */
} S_ctx;

typedef struct {
  const pp_record *r;
  long n;
  const pp_newsml_options *o;
} S_item;

static int S_fill(FILE *f, void *vitem, pp_error *e) {
  S_item *it = vitem;
  return pp_newsml_item_write(f, it->r, it->n, it->o, e);
}

/* One file per record through pp_split. A renamed file is a warning:
 * PP_EXIT_OK with *e set, which the reader reports with FILE:LINE. */
static int S_split_add(S_ctx *c, const pp_record *r, pp_error *e) {
  char *stem = pp_newsml_file_name(r->id);
  stem[strlen(stem) - 4] = '\0'; /* ".xml": pp_split adds it */
  S_item it = {r, c->records, c->o};
  pp_error warn = {0};
  int rc = pp_split_write(c->split, stem, S_fill, &it, &warn, e);
  free(stem);
  if (rc == PP_SPLIT_ERROR) {
    pp_error_clear(&warn);
    return PP_EXIT_FAILURE;
  }
  *e = warn;
  return PP_EXIT_OK;
}

static int S_on_record(pp_record *r, void *vctx, pp_error *e) {
  S_ctx *c = vctx;
  c->records++;
  if (c->basename) pp_cli_source_basename(r);
  if (c->split) return S_split_add(c, r, e);
  if (c->item_mode && c->records > 1) {
    pp_error_set(e, NULL, 0, "--item takes one record, and this is the second; nothing written");
    return PP_EXIT_FAILURE;
  }
  if (pp_newsml_writer_add(c->w, r, e) != 0) {
    pp_cli_errorf(c->err, TOOL, "%s", e->message);
    pp_error_clear(e);
    c->write_failed = 1;
    return PP_EXIT_FAILURE;
  }
  return PP_EXIT_OK;
}

/* An absolute URI with no white space or control characters. */
static int S_uri_ok(const char *s) {
  const char *colon = strchr(s, ':');
  if (!colon || colon == s || !colon[1]) return 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if (*p <= 0x20 || *p == 0x7F || strchr("<>\"{}|\\^`", *p)) return 0;
  return 1;
}

int rec2newsml_main(int argc, char **argv, FILE *in, FILE *out, FILE *err) {
  static const struct option longopts[] = {
      {"item", no_argument, NULL, S_OPT_ITEM},
      {"split", required_argument, NULL, S_OPT_SPLIT},
      {"no-clobber", no_argument, NULL, S_OPT_NO_CLOBBER},
      {"sync", no_argument, NULL, S_OPT_SYNC},
      {"provider", required_argument, NULL, S_OPT_PROVIDER},
      {"sent", required_argument, NULL, S_OPT_SENT},
      {"catalog-url", required_argument, NULL, S_OPT_CATALOG},
      {"source-name", required_argument, NULL, S_OPT_SOURCE_NAME},
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},
      {NULL, 0, NULL, 0}};
  pp_cli_init(TOOL, out, err);
  int item = 0;
  unsigned split_flags = 0;
  const char *split = NULL, *sent = NULL;
  pp_newsml_options o = {NULL, NULL, NULL, "presspipe rec2newsml"};
  opterr = 0;
  optind = 0;
  int opt;
  int basename = 1;
  while ((opt = getopt_long(argc, argv, ":hV", longopts, NULL)) != -1) {
    switch (opt) {
    case S_OPT_ITEM: item = 1; break;
    case S_OPT_SPLIT: split = optarg; break;
    case S_OPT_NO_CLOBBER: split_flags |= PP_SPLIT_NO_CLOBBER; break;
    case S_OPT_SYNC: split_flags |= PP_SPLIT_SYNC; break;
    case S_OPT_PROVIDER:
      if (!pp_newsml_provider_valid(optarg))
        return pp_cli_usage_error(err, TOOL, "--provider: \"%s\" is not a domain name", optarg);
      o.provider = optarg;
      break;
    case S_OPT_SENT:
      if (!pp_newsml_datetime_valid(optarg))
        return pp_cli_usage_error(err, TOOL,
                                  "--sent: \"%s\" is not a date and time with a time zone "
                                  "(like 2025-06-01T12:00:00Z)",
                                  optarg);
      sent = optarg;
      break;
    case S_OPT_CATALOG:
      if (!S_uri_ok(optarg))
        return pp_cli_usage_error(err, TOOL, "--catalog-url: \"%s\" is not an absolute URI", optarg);
      o.catalog_url = optarg;
      break;
    case S_OPT_SOURCE_NAME:
      if ((basename = pp_cli_source_mode(optarg)) < 0)
        return pp_cli_usage_error(err, TOOL, "--source-name: \"%s\" is not basename or as-given", optarg);
      break;
    case 'h': fputs(S_help, out); return pp_cli_finish(out, err, TOOL, PP_EXIT_OK);
    case 'V': pp_cli_version(out, TOOL); return pp_cli_finish(out, err, TOOL, PP_EXIT_OK);
    default: return pp_cli_bad_option(err, TOOL, argv, opt);
    }
  }
  if (item && split) return pp_cli_usage_error(err, TOOL, "--item and --split exclude each other");
  if (split && !*split) return pp_cli_usage_error(err, TOOL, "--split: empty directory name");
  if (split_flags && !split)
    return pp_cli_usage_error(err, TOOL, "--%s needs --split DIR",
                              (split_flags & PP_SPLIT_NO_CLOBBER) ? "no-clobber" : "sync");

  char now[32];
  if (!sent) {
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    long long t;
    if (sde && *sde) {
      char *end;
      t = strtoll(sde, &end, 10);
      if (*end || sde[0] < '0' || sde[0] > '9' || pp_newsml_time_format(t, now) != 0)
        return pp_cli_usage_error(err, TOOL, "SOURCE_DATE_EPOCH \"%s\" is not a number of seconds",
                                  sde);
    } else if (pp_newsml_time_format((long long)time(NULL), now) != 0) {
      pp_cli_errorf(err, TOOL, "the system clock is out of range");
      return PP_EXIT_FAILURE;
    }
    sent = now;
  }
  o.sent = sent;

  S_ctx c = {0};
  c.err = err;
  c.item_mode = item;
  c.basename = basename;
  c.o = &o;
  pp_buf item_doc = PP_BUF_INIT;
  pp_error e = {0};
  if (split) {
    c.split = pp_split_new(split, ".xml", split_flags, &e);
    if (!c.split) {
      pp_cli_report(err, TOOL, &e);
      pp_error_clear(&e);
      return PP_EXIT_FAILURE;
    }
  } else if (item) {
    c.w = pp_newsml_writer_new(PP_NEWSML_ITEM, pp_newsml_sink_buf, &item_doc, &o);
  } else {
    c.w = pp_newsml_writer_new(PP_NEWSML_MESSAGE, pp_newsml_sink_file, out, &o);
  }

  int status = pp_cli_read_records(TOOL, argv + optind, argc - optind, in, err, S_on_record, &c);
  if (c.w && !c.write_failed && pp_newsml_writer_finish(c.w, &e) != 0) {
    pp_cli_errorf(err, TOOL, "%s", e.message);
    pp_error_clear(&e);
    c.write_failed = 1;
    status = PP_EXIT_FAILURE;
  }
  pp_newsml_writer_free(c.w);
  if (c.split) status = pp_cli_worse(status, pp_cli_split_finish(TOOL, c.split, err));
  pp_split_free(c.split);
  if (item && status != PP_EXIT_FAILURE) {
    if (c.records == 0) {
      pp_cli_errorf(err, TOOL, "--item: the input holds no record; nothing written");
      status = PP_EXIT_FAILURE;
    } else if (fwrite(item_doc.data, 1, item_doc.len, out) != item_doc.len || fflush(out) != 0) {
      pp_cli_errorf(err, TOOL, "write error: %s", strerror(errno ? errno : EIO));
      c.write_failed = 1;
    }
  }
  pp_buf_free(&item_doc);
  if (c.write_failed) return PP_EXIT_FAILURE;
  return pp_cli_finish(out, err, TOOL, status);
}
