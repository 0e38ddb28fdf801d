/* release2rec - plain-text press releases to release/1 records (JSON Lines). */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pp_batch.h"
#include "pp_cli.h"
#include "pp_extract.h"
#include "pp_html.h"
#include "pp_header_people.h"
#include "pp_input.h"
#include "pp_jsonl.h"
#include "pp_lang.h"
#include "pp_progress.h"
#include "pp_release.h"
#include "pp_sha256.h"
#include "pp_text.h"
#include "tools.h"

static const char *const TOOL = "release2rec";

static void S_help(FILE *out) {
  fputs(
      "Usage: release2rec [OPTION]... [FILE|DIR|ARCHIVE]...\n"
      "Read press releases and write one release/1 record per release as JSON\n"
      "Lines on standard output, in input order. A FILE is one release; a DIR is\n"
      "read recursively (sorted); an ARCHIVE (.tar, .tar.gz, .tar.xz, .tar.zst,\n"
      ".zip, found by content) gives one release per member, named ARCHIVE:member.\n"
      "With no FILE, or when FILE is -, read standard input as ONE release (a\n"
      "warning says when it looks like several glued together).\n"
      "\n"
      "Options:\n"
      "  -u, --url URL          the release's published address (one input only)\n"
      "      --url-template T   an address per input: {stem} is the file name\n"
      "                         without its extension, e.g. 'https://example.org/{stem}'\n"
      "  -i, --issuer NAME      the issuing organisation (fills \"issuer\")\n"
      "  -l, --lang TAG         BCP 47 language tag of the text (default: en)\n"
      "  -d, --data DIR         read lexicons and gazetteer from DIR\n"
      "  -T, --files-from FILE  read input names from FILE, one a line (- : stdin)\n"
      "  -0, --null             names in --files-from end with NUL (find -print0)\n"
      "      --from-jsonl       inputs are JSON Lines {\"name\":..,\"text\":..} or\n"
      "                         {\"name\":..,\"bytes_base64\":..}, one release a line\n"
      "      --to-jsonl         write the inputs as such lines instead of records\n"
      "      --include GLOB     in directories and archives, read only matching files\n"
      "      --exclude GLOB     in directories and archives, skip matching names\n"
      "      --hidden           read names starting with '.' in directories/archives\n"
      "      --max-bytes N      reject inputs larger than N bytes (default 16M)\n"
      "      --max-members N    refuse archives of more than N members (default 1M)\n"
      "      --max-ratio R      refuse archives expanding more than R times (default 100)\n"
      "  -j, --jobs N           convert on N threads (0: one per processor), same output\n"
      "      --skip-done FILE   skip the inputs named in FILE (records of an earlier\n"
      "                         run, or source names one a line)\n"
      "      --progress         show a progress line (default: on a terminal)\n"
      "      --no-progress      do not\n"
      "      --summary          close a batch with a summary line on standard error\n"
      "                         (default: when there are several inputs)\n"
      "  -q, --quiet            no progress line and no closing summary\n"
      "  -h, --help             print this help and exit\n"
      "  -V, --version          print the version and exit\n"
      "\n"
      "Input may be UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252.\n"
      "The extraction of people, organisations, places and quotes reads English (the\n"
      "language pack data/en/); --lang only labels the record.\n"
      "\n"
      "Exit status: 0 all inputs converted; 1 some input rejected (reported, the\n"
      "rest converted); 2 usage or I/O error, including a failed write; 128+N when\n"
      "stopped by signal N (SIGINT, SIGTERM) after the last whole record.\n"
      "\n"
      "Example: release2rec releases/ | rec2newsml > items.xml\n"
      "         release2rec --skip-done out.jsonl archive.tar.gz >> out.jsonl\n",
      out);
}

/* ---- one input -> one record ---------------------------------------------- */

/* The release in raw bytes as a record with its entities, or NULL with
 * *why: the one place where a reader is chosen for an input. */
/* An HTML page (docs/html.md): its text in the block structure of a plain
 * release goes through the same parser; the page's canonical URL, publication
 * date and site name fill what neither the options nor the text give. The
 * record's id and source describe the page's own bytes. */
static pp_record *S_read_html(const unsigned char *raw, size_t n, const pp_release_opts *o,
                              char **why) {
  pp_html_doc doc = {0};
  pp_error e = {0};
  if (pp_html_read(raw, n, &doc, &e) != 0) {
    *why = pp_xasprintf("not readable as an HTML page: %s", e.message ? e.message : "?");
    pp_error_clear(&e);
    return NULL;
  }
  pp_release_opts ho = *o;
  if (!ho.url && doc.url) ho.url = doc.url;
  const char *text = doc.text ? doc.text : "";
  pp_record *r = pp_release_parse((const unsigned char *)text, strlen(text), &ho, why);
  if (r) {
    char hex[65];
    pp_sha256_hex(raw, n, hex);
    free(r->id);
    r->id = pp_xasprintf("pr-%.16s", hex);
    free(r->source.sha256);
    r->source.sha256 = pp_xstrdup(hex);
    r->source.bytes = (long long)n;
    r->source.format = pp_xstrdup("html");
    if (!r->dateline.date && doc.date) r->dateline.date = pp_xstrdup(doc.date);
    if (!r->issuer && doc.site_name) {
      r->issuer = pp_xcalloc(1, sizeof *r->issuer);
      r->issuer->name = pp_xstrdup(doc.site_name);
    }
  } else if (*why && strcmp(*why, "empty input") == 0) {
    free(*why);
    *why = pp_xstrdup("an HTML page with no text");
  }
  pp_html_doc_free(&doc);
  return r;
}

static pp_record *S_read_release(const unsigned char *raw, size_t n, const pp_release_opts *o,
                                 const pp_lang *lex, char **why) {
  pp_record *r = pp_html_sniff(raw, n, o->name) ? S_read_html(raw, n, o, why)
                                                : pp_release_parse(raw, n, o, why);
  if (!r) return NULL;
  pp_extract_entities(r, lex);
  pp_release_add_header_people(r, lex);
  return r;
}

/* Standard input is one release: count the signs of several glued together
 * (datelines with a date, end marks followed by more text). */
static void S_glued(const unsigned char *raw, size_t n, int *datelines, int *endmarks) {
  *datelines = *endmarks = 0;
  pp_decoded dec;
  char *why = NULL;
  if (pp_text_decode(raw, n, &dec, &why) < 0) {
    free(why);
    return;
  }
  int pending = 0; /* end marks not yet followed by text */
  for (char *p = dec.text; *p;) {
    char *nl = strchr(p, '\n');
    size_t len = nl ? (size_t)(nl - p) : strlen(p);
    char *line = pp_text_collapse(p, len);
    if (*line) {
      char *place = NULL;
      int y, m, d;
      if (pp_release_is_end_mark(line)) {
        pending++;
      } else {
        *endmarks += pending;
        pending = 0;
        if (pp_dateline_match(line, &place, &y, &m, &d) > 0 && m != 0) (*datelines)++;
      }
      free(place);
    }
    free(line);
    p = nl ? nl + 1 : p + len;
  }
  free(dec.text);
}

typedef struct {
  pp_input_item item;
  char *url;      /* from --url-template */
  int status;     /* PP_EXIT_* */
  pp_error e;     /* why not converted */
  char *line;     /* the record line, newline included */
  size_t linelen;
  int datelines, endmarks;
} S_job;

typedef struct {
  pp_release_opts opts;
  const pp_lang *lex;
  FILE *out, *err;
  pp_progress prog;
  int status;
  size_t inputs;
  int to_jsonl;
  const pp_input *it;
} S_run;

static volatile sig_atomic_t S_signal;
static void S_on_signal(int sig) { S_signal = sig; }

/* --to-jsonl: the input as one {"name", "bytes_base64"} line. */
static void S_pack(S_job *job) {
  static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const unsigned char *d = job->item.data;
  size_t n = job->item.len;
  char *b64 = pp_xmalloc((n + 2) / 3 * 4 + 1), *o = b64;
  for (size_t i = 0; i < n; i += 3) {
    unsigned v = (unsigned)d[i] << 16 | (i + 1 < n ? (unsigned)d[i + 1] << 8 : 0) |
                 (i + 2 < n ? d[i + 2] : 0);
    *o++ = digits[v >> 18 & 63];
    *o++ = digits[v >> 12 & 63];
    *o++ = i + 1 < n ? digits[v >> 6 & 63] : '=';
    *o++ = i + 2 < n ? digits[v & 63] : '=';
  }
  *o = '\0';
  json_t *j = json_object();
  json_object_set_new(j, "name", json_string(job->item.name));
  json_object_set_new(j, "bytes_base64", json_string(b64));
  free(b64);
  char *text = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
  json_decref(j);
  if (!text) {
    pp_error_set(&job->e, job->item.name, 0, "the name is not UTF-8: not written");
    job->status = PP_EXIT_REJECTED;
    return;
  }
  job->linelen = strlen(text) + 1;
  job->line = pp_xmalloc(job->linelen + 1);
  memcpy(job->line, text, job->linelen - 1);
  job->line[job->linelen - 1] = '\n';
  job->line[job->linelen] = '\0';
  free(text);
}

static void S_work(void *vjob, void *vctx) {
  S_job *job = vjob;
  S_run *run = vctx;
  if (job->status != PP_EXIT_OK) return;
  if (run->to_jsonl) {
    S_pack(job);
    return;
  }
  pp_release_opts o = run->opts;
  o.name = job->item.name;
  if (job->url) o.url = job->url;
  char *why = NULL;
  pp_record *r = S_read_release(job->item.data, job->item.len, &o, run->lex, &why);
  if (!r) {
    pp_error_set(&job->e, job->item.name, 0, "%s", why);
    free(why);
    job->status = PP_EXIT_REJECTED;
    return;
  }
  if (job->item.from_stdin) S_glued(job->item.data, job->item.len, &job->datelines, &job->endmarks);
  FILE *m = open_memstream(&job->line, &job->linelen);
  int rc = m ? pp_record_write(r, m) : -1;
  if (m && fclose(m) != 0) rc = -1;
  pp_record_free(r);
  if (rc < 0) {
    pp_error_set(&job->e, job->item.name, 0, "cannot write the record: %s", strerror(errno));
    job->status = PP_EXIT_FAILURE;
  } else if (job->linelen - 1 > PP_JSONL_MAX_LINE) {
    pp_error_set(&job->e, job->item.name, 0,
                 "the record is %zu bytes, longer than the record readers' limit (%u bytes): "
                 "not written",
                 job->linelen - 1, PP_JSONL_MAX_LINE);
    job->status = PP_EXIT_REJECTED;
  }
}

static int S_sink(void *vjob, void *vctx) {
  S_job *job = vjob;
  S_run *run = vctx;
  run->inputs++;
  /* files done: converted, rejected and skipped, as the estimate counts them */
  run->prog.files = run->inputs + pp_input_skipped_binary(run->it) + pp_input_skipped_done(run->it);
  run->prog.bytes += job->item.consumed;
  if (job->datelines >= 2 || job->endmarks >= 1) {
    pp_progress_clear(&run->prog);
    pp_cli_errorf(run->err, TOOL,
                  "-: warning: standard input looks like several releases glued together "
                  "(datelines with a date: %d, end marks followed by text: %d); it is read as "
                  "one release: give each release as a file, a directory or an archive",
                  job->datelines, job->endmarks);
  }
  if (job->status != PP_EXIT_OK) {
    pp_progress_clear(&run->prog);
    pp_cli_report(run->err, TOOL, &job->e);
    run->prog.rejected++;
    run->status = pp_cli_worse(run->status, job->status);
  } else {
    if (fwrite(job->line, 1, job->linelen, run->out) != job->linelen) return -1;
    run->prog.records++;
    run->prog.raw_bytes += job->item.len;
  }
  pp_progress_tick(&run->prog, 0);
  return S_signal ? -1 : 0;
}

static void S_job_free(void *vjob) {
  S_job *job = vjob;
  pp_input_item_clear(&job->item);
  free(job->url);
  pp_error_clear(&job->e);
  free(job->line);
  free(job);
}

/* ---- options ---------------------------------------------------------------- */

/* "16M", "512k", "1000": bytes (k, M, G: powers of 1024); 0 on error. */
static unsigned long long S_size(const char *s) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s || *s == '-') return 0;
  if (*end == 'k' || *end == 'K') v <<= 10, end++;
  else if (*end == 'M') v <<= 20, end++;
  else if (*end == 'G') v <<= 30, end++;
  return *end ? 0 : v;
}

/* The URL of --url-template for a source name: {stem} is the base name
 * (after the last '/' or the archive's ':') without its last extension,
 * percent-encoded. */
static char *S_url_for(const char *tmpl, const char *name) {
  const char *base = name;
  for (const char *p = name; *p; p++)
    if (*p == '/' || *p == ':') base = p + 1;
  const char *dot = strrchr(base, '.');
  size_t stem = dot && dot > base ? (size_t)(dot - base) : strlen(base);
  pp_buf b = PP_BUF_INIT;
  for (const char *p = tmpl; *p;) {
    if (strncmp(p, "{stem}", 6) == 0) {
      for (size_t k = 0; k < stem; k++) {
        unsigned char c = (unsigned char)base[k];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            strchr("-._~", c)) {
          pp_buf_addc(&b, (char)c);
        } else {
          char hex[4];
          snprintf(hex, sizeof hex, "%%%02X", c);
          pp_buf_adds(&b, hex);
        }
      }
      p += 6;
    } else {
      pp_buf_addc(&b, *p++);
    }
  }
  return pp_buf_detach(&b);
}

/* --skip-done: the source names of a record stream, or names one a line. */
typedef struct {
  char **slot;
  size_t cap, n;
} S_names;

static size_t S_names_find(const S_names *s, const char *name) {
  size_t i = (size_t)pp_hash_str(name) & (s->cap - 1);
  while (s->slot[i] && strcmp(s->slot[i], name) != 0) i = (i + 1) & (s->cap - 1);
  return i;
}

static void S_names_add(S_names *s, const char *name) {
  if (2 * (s->n + 1) > s->cap) {
    S_names old = *s;
    s->cap = old.cap ? old.cap * 2 : 1024;
    s->slot = pp_xcalloc(s->cap, sizeof *s->slot);
    for (size_t k = 0; k < old.cap; k++)
      if (old.slot[k]) s->slot[S_names_find(s, old.slot[k])] = old.slot[k];
    free(old.slot);
  }
  size_t i = S_names_find(s, name);
  if (s->slot[i]) return;
  s->slot[i] = pp_xstrdup(name);
  s->n++;
}

static int S_names_skip(const char *name, void *ctx) {
  const S_names *s = ctx;
  return s->n && s->slot[S_names_find(s, name)] != NULL;
}

static void S_names_free(S_names *s) {
  for (size_t k = 0; k < s->cap; k++) free(s->slot[k]);
  free(s->slot);
}

static int S_names_load(S_names *s, const char *path, FILE *err) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    pp_cli_errorf(err, TOOL, "%s: %s", path, strerror(errno));
    return -1;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t k;
  long no = 0;
  while ((k = getline(&line, &cap, f)) >= 0) {
    no++;
    while (k > 0 && (line[k - 1] == '\n' || line[k - 1] == '\r')) line[--k] = '\0';
    if (k == 0) continue;
    if (line[0] != '{') {
      S_names_add(s, line);
      continue;
    }
    json_t *j = json_loadb(line, (size_t)k, 0, NULL);
    json_t *name = json_object_get(json_object_get(j, "source"), "name");
    if (json_is_string(name))
      S_names_add(s, json_string_value(name));
    else
      pp_cli_errorf(err, TOOL, "%s:%ld: warning: no source.name, line ignored", path, no);
    json_decref(j);
  }
  free(line);
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    pp_cli_errorf(err, TOOL, "%s: read error", path);
    return -1;
  }
  return 0;
}

enum {
  O_URL_TEMPLATE = 256,
  O_FROM_JSONL,
  O_TO_JSONL,
  O_INCLUDE,
  O_EXCLUDE,
  O_HIDDEN,
  O_MAX_BYTES,
  O_MAX_MEMBERS,
  O_MAX_RATIO,
  O_SKIP_DONE,
  O_PROGRESS,
  O_NO_PROGRESS,
  O_SUMMARY
};

int release2rec_main(int argc, char **argv, FILE *in, FILE *out, FILE *err) {
  static const struct option longopts[] = {{"url", required_argument, NULL, 'u'},
                                           {"url-template", required_argument, NULL, O_URL_TEMPLATE},
                                           {"issuer", required_argument, NULL, 'i'},
                                           {"lang", required_argument, NULL, 'l'},
                                           {"data", required_argument, NULL, 'd'},
                                           {"files-from", required_argument, NULL, 'T'},
                                           {"null", no_argument, NULL, '0'},
                                           {"from-jsonl", no_argument, NULL, O_FROM_JSONL},
                                           {"to-jsonl", no_argument, NULL, O_TO_JSONL},
                                           {"include", required_argument, NULL, O_INCLUDE},
                                           {"exclude", required_argument, NULL, O_EXCLUDE},
                                           {"hidden", no_argument, NULL, O_HIDDEN},
                                           {"max-bytes", required_argument, NULL, O_MAX_BYTES},
                                           {"max-members", required_argument, NULL, O_MAX_MEMBERS},
                                           {"max-ratio", required_argument, NULL, O_MAX_RATIO},
                                           {"jobs", required_argument, NULL, 'j'},
                                           {"skip-done", required_argument, NULL, O_SKIP_DONE},
                                           {"progress", no_argument, NULL, O_PROGRESS},
                                           {"no-progress", no_argument, NULL, O_NO_PROGRESS},
                                           {"summary", no_argument, NULL, O_SUMMARY},
                                           {"quiet", no_argument, NULL, 'q'},
                                           {"help", no_argument, NULL, 'h'},
                                           {"version", no_argument, NULL, 'V'},
                                           {NULL, 0, NULL, 0}};
  pp_release_opts opts = {0};
  const char *datadir = NULL, *url_template = NULL, *skip_done = NULL;
  pp_input_opts io = {0};
  io.max_bytes = 16u << 20;
  io.max_members = 1000000;
  io.max_ratio = 100;
  pp_strv lists = PP_STRV_INIT;
  int jobs = 1, to_jsonl = 0, progress = -1, summary = -1, quiet = 0, c, rc = PP_EXIT_OK;
  pp_cli_init(TOOL, out, err);
  opterr = 0;
  optind = 0;
  while ((c = getopt_long(argc, argv, ":u:i:l:d:T:0j:qhV", longopts, NULL)) != -1) {
    char *end;
    switch (c) {
    case 'u': opts.url = optarg; break;
    case O_URL_TEMPLATE: url_template = optarg; break;
    case 'i': opts.issuer = optarg; break;
    case 'l': opts.lang = optarg; break;
    case 'd': datadir = optarg; break;
    case 'T': pp_strv_push(&lists, optarg); break;
    case '0': io.null = 1; break;
    case O_FROM_JSONL: io.from_jsonl = 1; break;
    case O_TO_JSONL: to_jsonl = 1; break;
    case O_INCLUDE: pp_strv_push(&io.include, optarg); break;
    case O_EXCLUDE: pp_strv_push(&io.exclude, optarg); break;
    case O_HIDDEN: io.hidden = 1; break;
    case O_MAX_BYTES:
      io.max_bytes = (size_t)S_size(optarg);
      if (!io.max_bytes) rc = pp_cli_usage_error(err, TOOL, "--max-bytes wants a size such as 1000, 512k or 16M");
      break;
    case O_MAX_MEMBERS:
      io.max_members = (size_t)S_size(optarg);
      if (!io.max_members) rc = pp_cli_usage_error(err, TOOL, "--max-members wants a count above 0");
      break;
    case O_MAX_RATIO:
      io.max_ratio = strtod(optarg, &end);
      if (*end || end == optarg || !(io.max_ratio >= 1))
        rc = pp_cli_usage_error(err, TOOL, "--max-ratio wants a number of at least 1");
      break;
    case 'j':
      jobs = (int)strtol(optarg, &end, 10);
      if (*end || end == optarg || jobs < 0 || jobs > 1024)
        rc = pp_cli_usage_error(err, TOOL, "--jobs wants a number from 0 to 1024");
      break;
    case O_SKIP_DONE: skip_done = optarg; break;
    case O_PROGRESS: progress = 1; break;
    case O_NO_PROGRESS: progress = 0; break;
    case O_SUMMARY: summary = 1; break;
    case 'q': quiet = 1; break;
    case 'h': S_help(out); rc = pp_cli_finish(out, err, TOOL, PP_EXIT_OK); goto done_opts;
    case 'V': pp_cli_version(out, TOOL); rc = pp_cli_finish(out, err, TOOL, PP_EXIT_OK); goto done_opts;
    default: rc = pp_cli_bad_option(err, TOOL, argv, c); goto done_opts;
    }
    if (rc != PP_EXIT_OK) goto done_opts;
  }
  int nfiles = argc - optind;
  if (opts.lang && (!*opts.lang || strspn(opts.lang, "abcdefghijklmnopqrstuvwxyz"
                                                     "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") !=
                                       strlen(opts.lang))) {
    rc = pp_cli_usage_error(err, TOOL, "--lang wants a BCP 47 tag such as 'en' or 'en-GB'");
    goto done_opts;
  }
  if (opts.url && url_template) {
    rc = pp_cli_usage_error(err, TOOL, "--url and --url-template exclude each other");
    goto done_opts;
  }
  if (url_template && !strstr(url_template, "{stem}")) {
    rc = pp_cli_usage_error(err, TOOL, "--url-template wants {stem} in it, e.g. 'https://example.org/{stem}'");
    goto done_opts;
  }
  if (opts.url && (nfiles > 1 || lists.n || io.from_jsonl ||
                   (nfiles == 1 && pp_input_is_container(argv[optind])))) {
    rc = pp_cli_usage_error(err, TOOL,
                            "--url names one release; for several inputs give an address per "
                            "input with --url-template 'https://example.org/{stem}'");
    goto done_opts;
  }
  if (jobs == 0) {
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    jobs = cpus > 0 ? (int)cpus : 1;
  }

  S_names done = {0};
  if (skip_done && S_names_load(&done, skip_done, err) < 0) {
    rc = PP_EXIT_FAILURE;
    S_names_free(&done);
    goto done_opts;
  }
  if (skip_done) {
    io.skip = S_names_skip;
    io.skip_ctx = &done;
  }

  pp_error e = {0};
  pp_lang *lex = pp_lang_load(datadir, &e);
  if (!lex) {
    pp_cli_report(err, TOOL, &e);
    pp_error_clear(&e);
    S_names_free(&done);
    rc = PP_EXIT_FAILURE;
    goto done_opts;
  }
  /* jansson seeds its hash function on first use: do it before the threads */
  json_object_seed(0);

  pp_input *it = pp_input_new(&io, in);
  for (int k = 0; k < nfiles; k++) pp_input_add(it, argv[optind + k]);
  for (size_t k = 0; k < lists.n; k++) pp_input_add_list(it, lists.v[k]);
  int several = nfiles > 1 || lists.n || io.from_jsonl ||
                (nfiles == 1 && pp_input_is_container(argv[optind]));

  S_run run;
  memset(&run, 0, sizeof run);
  opts.pack = lex;
  run.opts = opts;
  run.lex = lex;
  run.out = out;
  run.err = err;
  run.to_jsonl = to_jsonl;
  run.it = it;
  if (progress < 0) progress = !quiet && several && isatty(fileno(err));
  if (summary < 0) summary = 1; /* issue 12: a batch of several inputs ends with one summary line; -q silences it */
  pp_progress_init(&run.prog, err, TOOL, progress);
  if (progress) {
    int exact;
    pp_input_estimate(it, &run.prog.total_files, &run.prog.total_bytes, &exact);
    if (!exact) run.prog.total_files = 0;
  }

  struct sigaction sa, old_int, old_term;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = S_on_signal;
  sa.sa_flags = SA_RESTART;
  sigemptyset(&sa.sa_mask);
  S_signal = 0;
  sigaction(SIGINT, &sa, &old_int);
  sigaction(SIGTERM, &sa, &old_term);

  pp_html_init(); /* before the workers: libxml2 is set up in the main thread */
  pp_batch *b = pp_batch_new(jobs, S_work, S_sink, S_job_free, &run);
  if (!b) {
    pp_cli_errorf(err, TOOL, "cannot start %d threads", jobs);
    run.status = PP_EXIT_FAILURE;
  }
  while (b && !S_signal) {
    S_job *job = pp_xcalloc(1, sizeof *job);
    int r = pp_input_next(it, &job->item, &job->e);
    if (r == PP_INPUT_END) {
      free(job);
      break;
    }
    if (r == PP_INPUT_ITEM) {
      if (url_template) job->url = S_url_for(url_template, job->item.name);
    } else {
      job->status = r == PP_INPUT_REJECTED ? PP_EXIT_REJECTED : PP_EXIT_FAILURE;
    }
    if (pp_batch_submit(b, job) < 0) break;
  }
  int sig = S_signal;
  if (b) {
    pp_batch_finish(b, !sig && !ferror(out));
    pp_batch_free(b);
  }
  sigaction(SIGINT, &old_int, NULL);
  sigaction(SIGTERM, &old_term, NULL);
  pp_progress_clear(&run.prog);
  rc = pp_cli_finish(out, err, TOOL, run.status);
  if (sig) {
    char n[32];
    pp_cli_errorf(err, TOOL,
                  "stopped by signal %d after %s records: the output ends with a whole record; "
                  "continue with --skip-done",
                  sig, pp_progress_count(n, run.prog.records));
    rc = 128 + sig;
  } else if (summary > 0 && !quiet && run.inputs + pp_input_skipped_done(it) > 1) {
    pp_progress_summary(&run.prog, pp_input_skipped_binary(it), pp_input_skipped_done(it));
  }
  pp_input_free(it);
  pp_lang_free(lex);
  S_names_free(&done);
done_opts:
  pp_strv_free(&lists);
  pp_strv_free(&io.include);
  pp_strv_free(&io.exclude);
  return rc;
}
