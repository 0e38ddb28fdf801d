/* libFuzzer harness: the CSV writer's library entry points
 * (pp_csv_writer_*), records from arbitrary bytes, in memory. The first
 * byte picks the table, all its columns, and raw or guarded cells.
 * Property beyond "no crash": libcsv, strict, reads back the header and
 * rows written, each with as many fields as the header. */
#include <csv.h>
#include <string.h>

#include "fuzz.h"
#include "pp_csv.h"

typedef struct {
  long rows;
  size_t fields, width;
  int bad;
} S_count;

static void S_field(void *s, size_t n, void *ctx) {
  (void)s, (void)n;
  ((S_count *)ctx)->fields++;
}

static void S_row(int c, void *ctx) {
  (void)c;
  S_count *k = ctx;
  if (k->rows == 0) k->width = k->fields;
  else if (k->fields != k->width) k->bad = 1;
  k->rows++;
  k->fields = 0;
}

static void S_one(pp_record *r, void *ctx) {
  FZ_CHECK(pp_csv_writer_record(ctx, r) == 0, "write failed");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  pp_csv_table t = (pp_csv_table)(data[0] % 5);
  pp_csv_options opt = {t, pp_csv_table_all_columns(t), 1, 0, data[0] & 8 ? 1 : 0};
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&text, &len);
  pp_error e = {0};
  pp_csv_writer *w = pp_csv_writer_new(&opt, out, &e);
  FZ_CHECK(w != NULL, "no writer: %s", e.message ? e.message : "");
  FZ_CHECK(pp_csv_writer_begin(w) == 0, "header not written");
  fz_each_record(data + 1, size - 1, S_one, w);
  unsigned long long rows = pp_csv_writer_rows(w);
  pp_csv_writer_free(w);
  fclose(out);

  struct csv_parser p;
  S_count k = {0, 0, 0, 0};
  FZ_CHECK(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) == 0, "csv_init");
  FZ_CHECK(csv_parse(&p, text, len, S_field, S_row, &k) == len, "libcsv: %s",
           csv_strerror(csv_error(&p)));
  FZ_CHECK(csv_fini(&p, S_field, S_row, &k) == 0, "libcsv at the end: %s", csv_strerror(csv_error(&p)));
  csv_free(&p);
  FZ_CHECK(!k.bad, "a row with another number of fields than the header");
  FZ_CHECK(k.rows == (long)rows + 1, "%ld rows read, %llu written + header", k.rows, rows);
  free(text);
  return 0;
}
