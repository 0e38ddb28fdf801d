/* rec2csv.c - release records (JSON Lines) to a CSV table: one row per
 * participant, or per organization, place, quote or contact (pp_csv.h). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "pp_cli.h"
#include "pp_csv.h"
#include "tools.h"

#define TOOL "rec2csv"

static void S_help(FILE *out) {
  fputs("Usage: rec2csv [OPTION]... [FILE]...\n"
        "Write the participants (or another table) of release records as CSV.\n"
        "Reads JSON Lines release/1 records from the FILEs, or standard input when none\n"
        "or '-'; writes one CSV row per item of every record to standard output.\n"
        "\n"
        "  -t, --table NAME     participants (default), organizations, places, quotes,\n"
        "                       contacts\n"
        "  -c, --columns LIST   comma-separated columns to write, in that order\n"
        "  -n, --no-header      leave out the header row\n"
        "      --bom            start with a UTF-8 byte order mark (for spreadsheets)\n"
        "      --raw            write values byte for byte: no formula-injection guard\n"
        "                       (for database loads)\n"
        "      --schema         print the Frictionless Table Schema of the columns and\n"
        "                       exit\n"
        "      --source-name basename|as-given\n"
        "                       source_name without directories (default), or as\n"
        "                       the record has it\n"
        "  -h, --help           display this help and exit\n"
        "  -V, --version        output version information and exit\n"
        "\n"
        "CSV is RFC 4180: comma, CRLF, fields quoted where needed, UTF-8; aliases are\n"
        "joined with \" | \". Text cells starting with =, +, -, @, TAB or CR get a\n"
        "leading apostrophe unless --raw.\n"
        "\n"
        "The records' extraction (release2rec) reads English; rec2csv writes what the\n"
        "records hold.\n"
        "\n"
        "Exit status: 0 all converted, 1 some records rejected (reported, the rest\n"
        "converted), 2 usage or I/O error.\n",
        out);
  fprintf(out, "\nColumns of the participants table (default order):\n  %s\n",
          pp_csv_table_default_columns(PP_CSV_PARTICIPANTS));
  fputs("See rec2csv(1) and docs/csv.md for the columns of every table.\n", out);
}

typedef struct {
  pp_csv_writer *w;
  int basename; /* --source-name basename */
} S_ctx;

static int S_on_record(pp_record *r, void *ctx, pp_error *e) {
  (void)e;
  S_ctx *c = ctx;
  if (c->basename) pp_cli_source_basename(r);
  /* A write error stops the run; pp_cli_finish() reports it. */
  return pp_csv_writer_record(c->w, r) == 0 ? PP_EXIT_OK : PP_EXIT_FAILURE;
}

enum { OPT_BOM = 256, OPT_RAW, OPT_SCHEMA, OPT_SOURCE_NAME };

int rec2csv_main(int argc, char **argv, FILE *in, FILE *out, FILE *err) {
  static const struct option longopts[] = {
      {"table", required_argument, NULL, 't'}, {"columns", required_argument, NULL, 'c'},
      {"no-header", no_argument, NULL, 'n'},   {"bom", no_argument, NULL, OPT_BOM},
      {"raw", no_argument, NULL, OPT_RAW},     {"schema", no_argument, NULL, OPT_SCHEMA},
      {"source-name", required_argument, NULL, OPT_SOURCE_NAME},
      {"help", no_argument, NULL, 'h'},        {"version", no_argument, NULL, 'V'},
      {NULL, 0, NULL, 0}};
  pp_cli_init(TOOL, out, err);
  pp_csv_options opt = {PP_CSV_PARTICIPANTS, NULL, 1, 0, 0};
  int schema = 0, basename = 1;
  opterr = 0;
  optind = 0;
  int ch;
  while ((ch = getopt_long(argc, argv, ":t:c:nhV", longopts, NULL)) != -1) {
    switch (ch) {
    case 't':
      if (pp_csv_table_from_name(optarg, &opt.table) != 0)
        return pp_cli_usage_error(err, TOOL,
                                  "unknown table '%s' (participants, organizations, places, "
                                  "quotes, contacts)",
                                  optarg);
      break;
    case 'c': opt.columns = optarg; break;
    case 'n': opt.header = 0; break;
    case OPT_BOM: opt.bom = 1; break;
    case OPT_RAW: opt.raw = 1; break;
    case OPT_SCHEMA: schema = 1; break;
    case OPT_SOURCE_NAME:
      if ((basename = pp_cli_source_mode(optarg)) < 0)
        return pp_cli_usage_error(err, TOOL, "--source-name: \"%s\" is not basename or as-given", optarg);
      break;
    case 'h':
      S_help(out);
      return pp_cli_finish(out, err, TOOL, PP_EXIT_OK);
    case 'V':
      pp_cli_version(out, TOOL);
      return pp_cli_finish(out, err, TOOL, PP_EXIT_OK);
    default: return pp_cli_bad_option(err, TOOL, argv, ch);
    }
  }

  pp_error e = {0};
  pp_csv_writer *w = pp_csv_writer_new(&opt, out, &e);
  if (!w) {
    int st = pp_cli_usage_error(err, TOOL, "%s", e.message);
    pp_error_clear(&e);
    return st;
  }
  int status = PP_EXIT_OK;
  if (schema) {
    if (optind < argc) {
      pp_csv_writer_free(w);
      return pp_cli_usage_error(err, TOOL, "--schema takes no FILE");
    }
    json_t *s = pp_csv_writer_schema(w);
    pp_csv_schema_write(s, out);
    json_decref(s);
  } else if (pp_csv_writer_begin(w) == 0) {
    S_ctx ctx = {w, basename};
    status = pp_cli_read_records(TOOL, argv + optind, argc - optind, in, err, S_on_record, &ctx);
  }
  pp_csv_writer_free(w);
  return pp_cli_finish(out, err, TOOL, status);
}
