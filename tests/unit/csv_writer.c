/* csv_writer.c - pp_csv's tables: column lists and their errors, rows of a
 * record built in C, the header and BOM, the schema, write errors, and the
 * whole CLI run in-process several times (getopt state reset). */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "pp_csv.h"
#include "tools.h"

static const pp_csv_table S_all_tables[] = {PP_CSV_PARTICIPANTS, PP_CSV_ORGANIZATIONS, PP_CSV_PLACES,
                                            PP_CSV_QUOTES, PP_CSV_CONTACTS};

/* What a writer with these options writes for r (NULL: header only). */
static char *S_write(pp_csv_options *o, const pp_record *r, unsigned long long *rows) {
  char *data = NULL;
  size_t size = 0;
  FILE *f = open_memstream(&data, &size);
  pp_error e = {0};
  pp_csv_writer *w = pp_csv_writer_new(o, f, &e);
  OK(w != NULL);
  if (!w) {
    fprintf(stderr, "%s\n", e.message);
    pp_error_clear(&e);
    fclose(f);
    free(data);
    return pp_xstrdup("");
  }
  INT_EQ(pp_csv_writer_begin(w), 0);
  if (r) INT_EQ(pp_csv_writer_record(w, r), 0);
  if (rows) *rows = pp_csv_writer_rows(w);
  pp_csv_writer_free(w);
  fclose(f);
  return data;
}

/* The error message for a column list (NULL if accepted). */
static char *S_columns_error(pp_csv_table t, const char *cols) {
  pp_csv_options o = {t, cols, 1, 0, 0};
  pp_error e = {0};
  pp_csv_writer *w = pp_csv_writer_new(&o, stdout, &e);
  if (w) {
    pp_csv_writer_free(w);
    return NULL;
  }
  OK(e.file == NULL);
  INT_EQ(e.line, 0);
  char *m = e.message;
  e.message = NULL;
  pp_error_clear(&e);
  return m;
}

static void test_tables(void) {
  for (size_t i = 0; i < sizeof S_all_tables / sizeof *S_all_tables; i++) {
    pp_csv_table t = S_all_tables[i], back;
    INT_EQ(pp_csv_table_from_name(pp_csv_table_name(t), &back), 0);
    INT_EQ(back, t);
    /* Every listed column is known: the defaults and the full list make a
     * writer, whose header is the list itself. */
    char *m = S_columns_error(t, pp_csv_table_default_columns(t));
    STR_EQ(m, NULL);
    free(m);
    pp_csv_options o = {t, pp_csv_table_all_columns(t), 1, 0, 0};
    char *h = S_write(&o, NULL, NULL);
    char *want = pp_xasprintf("%s\r\n", pp_csv_table_all_columns(t));
    STR_EQ(h, want);
    free(want);
    free(h);
    /* Every default column is in the full list. */
    char *defs = pp_xstrdup(pp_csv_table_default_columns(t));
    char *all = pp_xasprintf(",%s,", pp_csv_table_all_columns(t));
    for (char *tok = strtok(defs, ","); tok; tok = strtok(NULL, ",")) {
      char *needle = pp_xasprintf(",%s,", tok);
      OK(strstr(all, needle) != NULL);
      free(needle);
    }
    free(defs);
    free(all);
  }
  pp_csv_table t = PP_CSV_PLACES;
  INT_EQ(pp_csv_table_from_name("people", &t), -1);
  INT_EQ(pp_csv_table_from_name(NULL, &t), -1);
  INT_EQ(t, PP_CSV_PLACES);
  STR_EQ(pp_csv_table_default_columns(PP_CSV_PARTICIPANTS),
         "release_id,release_date,dateline_place,headline,participant_id,name,honorific,given_name,"
         "family_name,role,organization,aliases,mention_count,source_name");
}

static int S_starts(const char *s, const char *prefix) {
  return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

static void test_column_errors(void) {
  char *m;
  m = S_columns_error(PP_CSV_PARTICIPANTS, " name ,\trole");
  STR_EQ(m, NULL); /* blanks around names are ignored */
  m = S_columns_error(PP_CSV_PARTICIPANTS, "name,bogus");
  OK(S_starts(m, "unknown column \"bogus\" for the participants table (known: release_id,"));
  free(m);
  m = S_columns_error(PP_CSV_CONTACTS, "role");
  OK(S_starts(m, "unknown column \"role\" for the contacts table (known: "));
  free(m);
  m = S_columns_error(PP_CSV_PARTICIPANTS, "name,");
  STR_EQ(m, "empty column name in the column list \"name,\"");
  free(m);
  m = S_columns_error(PP_CSV_PARTICIPANTS, " ");
  STR_EQ(m, "empty column name in the column list \" \"");
  free(m);
  m = S_columns_error(PP_CSV_PARTICIPANTS, "role,name,role");
  STR_EQ(m, "column \"role\" is listed twice");
  free(m);
  m = S_columns_error(PP_CSV_PARTICIPANTS, "Name");
  OK(m != NULL); /* names are case-sensitive */
  free(m);
}

static pp_record *S_record(void) {
  pp_record *r = pp_record_new();
  r->id = pp_xstrdup("r-1");
  r->source.name = pp_xstrdup("in, put.txt");
  r->dateline.date = pp_xstrdup("2020-01-02");
  /* headline stays NULL */
  pp_participant *p = pp_record_add_participant(r);
  p->id = pp_xstrdup("p1");
  p->name = pp_xstrdup("Ana \"Ani\" Lima");
  pp_strv_push(&p->aliases, "A. Lima");
  pp_strv_push(&p->aliases, "Lima, Ana");
  p->role = pp_xstrdup("=cmd");
  pp_intv_push(&p->mentions, 0);
  pp_intv_push(&p->mentions, 4);
  p = pp_record_add_participant(r);
  p->id = pp_xstrdup("p2");
  p->name = pp_xstrdup("Bo");
  pp_quote *q = pp_record_add_quote(r);
  q->participant = pp_xstrdup("p2");
  q->text = pp_xstrdup("Yes.");
  q = pp_record_add_quote(r);
  q->text = pp_xstrdup("No.");
  return r;
}

static void test_rows(void) {
  pp_record *r = S_record();
  unsigned long long rows = 0;
  pp_csv_options o = {PP_CSV_PARTICIPANTS, NULL, 1, 0, 0};
  char *got = S_write(&o, r, &rows);
  STR_EQ(got,
         "release_id,release_date,dateline_place,headline,participant_id,name,honorific,given_name,"
         "family_name,role,organization,aliases,mention_count,source_name\r\n"
         "r-1,2020-01-02,,,p1,\"Ana \"\"Ani\"\" Lima\",,,,'=cmd,,\"A. Lima | Lima, Ana\",2,\"in, put.txt\"\r\n"
         "r-1,2020-01-02,,,p2,Bo,,,,,,,0,\"in, put.txt\"\r\n");
  INT_EQ(rows, 2);
  free(got);

  pp_csv_options raw = {PP_CSV_PARTICIPANTS, "role,aliases", 0, 1, 1};
  got = S_write(&raw, r, &rows);
  STR_EQ(got, "\xEF\xBB\xBF=cmd,\"A. Lima | Lima, Ana\"\r\n,\r\n");
  free(got);

  pp_csv_options qt = {PP_CSV_QUOTES, "participant_id,participant_name,paragraph,text", 1, 0, 0};
  got = S_write(&qt, r, &rows);
  STR_EQ(got, "participant_id,participant_name,paragraph,text\r\np2,Bo,,Yes.\r\n,,,No.\r\n");
  INT_EQ(rows, 2);
  free(got);

  /* A lone empty column is written "" so the row is not a blank line. */
  pp_csv_options one = {PP_CSV_PARTICIPANTS, "honorific", 0, 0, 0};
  got = S_write(&one, r, &rows);
  STR_EQ(got, "\"\"\r\n\"\"\r\n");
  free(got);

  /* No items: no row, nothing written. */
  pp_csv_options pl = {PP_CSV_PLACES, NULL, 0, 0, 0};
  got = S_write(&pl, r, &rows);
  STR_EQ(got, "");
  INT_EQ(rows, 0);
  free(got);
  pp_record_free(r);
}

static void test_schema(void) {
  for (size_t i = 0; i < sizeof S_all_tables / sizeof *S_all_tables; i++) {
    pp_csv_options o = {S_all_tables[i], NULL, 1, 0, 0};
    pp_error e = {0};
    pp_csv_writer *w = pp_csv_writer_new(&o, stdout, &e);
    json_t *s = pp_csv_writer_schema(w);
    json_t *fields = json_object_get(s, "fields");
    /* One field per default column, same names, same order. */
    char *defs = pp_xstrdup(pp_csv_table_default_columns(o.table));
    size_t k = 0;
    for (char *tok = strtok(defs, ","); tok; tok = strtok(NULL, ","), k++) {
      json_t *f = json_array_get(fields, k);
      STR_EQ(json_string_value(json_object_get(f, "name")), tok);
      OK(json_is_string(json_object_get(f, "type")));
      OK(json_is_string(json_object_get(f, "description")));
    }
    INT_EQ(json_array_size(fields), k);
    free(defs);
    json_t *mv = json_object_get(s, "missingValues");
    OK(json_array_size(mv) == 1 && strcmp(json_string_value(json_array_get(mv, 0)), "") == 0);
    json_t *pk = json_object_get(s, "primaryKey");
    if (o.table == PP_CSV_QUOTES || o.table == PP_CSV_CONTACTS)
      OK(pk == NULL);
    else
      INT_EQ(json_array_size(pk), 2);

    /* What pp_csv_schema_write prints reads back as the same JSON. */
    char *data = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&data, &size);
    INT_EQ(pp_csv_schema_write(s, f), 0);
    fclose(f);
    OK(size > 0 && data[size - 1] == '\n');
    json_error_t je;
    json_t *back = json_loads(data, 0, &je);
    OK(back && json_equal(back, s));
    json_decref(back);
    free(data);
    json_decref(s);
    pp_csv_writer_free(w);
  }
  /* The key only when both its columns are chosen. */
  pp_csv_options o = {PP_CSV_PARTICIPANTS, "name,release_id", 1, 0, 0};
  pp_error e = {0};
  pp_csv_writer *w = pp_csv_writer_new(&o, stdout, &e);
  json_t *s = pp_csv_writer_schema(w);
  OK(json_object_get(s, "primaryKey") == NULL);
  INT_EQ(json_array_size(json_object_get(s, "fields")), 2);
  json_decref(s);
  pp_csv_writer_free(w);
}

static void test_write_error(void) {
  FILE *f = fopen("/dev/full", "w");
  if (!f) return;
  setvbuf(f, NULL, _IONBF, 0);
  pp_csv_options o = {PP_CSV_PARTICIPANTS, NULL, 1, 0, 0};
  pp_error e = {0};
  pp_csv_writer *w = pp_csv_writer_new(&o, f, &e);
  INT_EQ(pp_csv_writer_begin(w), -1);
  pp_record *r = S_record();
  INT_EQ(pp_csv_writer_record(w, r), -1);
  pp_record_free(r);
  pp_csv_writer_free(w);
  fclose(f);
}

/* rec2csv_main in-process: a run leaves no state behind for the next. */
static char *S_run(int *status, const char *input, int argc, char **argv) {
  FILE *in = fmemopen((void *)input, strlen(input), "r");
  char *data = NULL, *errs = NULL;
  size_t size = 0, esize = 0;
  FILE *out = open_memstream(&data, &size);
  FILE *err = open_memstream(&errs, &esize);
  *status = rec2csv_main(argc, argv, in, out, err);
  fclose(in);
  fclose(out);
  fclose(err);
  char *both = pp_xasprintf("%s|%s", data, errs);
  free(data);
  free(errs);
  return both;
}

static void test_cli_in_process(void) {
  const char *rec =
      "{\"record\":\"release/1\",\"id\":\"r9\",\"participants\":[{\"name\":\"=Eve\",\"role\":\"x,y\"}]}\n"
      "not json\n";
  int st;
  char *a1[] = {"rec2csv", "--no-header", "--raw", "-c", "name,role,participant_id", NULL};
  char *a2[] = {"rec2csv", "-c", "name", NULL};
  for (int round = 0; round < 2; round++) {
    char *got = S_run(&st, rec, 5, a1);
    INT_EQ(st, 1);
    STR_EQ(got, "=Eve,\"x,y\",p1\r\n|rec2csv: -:2: not JSON: '[' or '{' expected near 'not' (column 3)\n");
    free(got);
    got = S_run(&st, rec, 3, a2);
    INT_EQ(st, 1);
    STR_EQ(got, "name\r\n'=Eve\r\n|rec2csv: -:2: not JSON: '[' or '{' expected near 'not' (column 3)\n");
    free(got);
  }
  char *a3[] = {"rec2csv", "--nope", NULL};
  char *got = S_run(&st, rec, 2, a3);
  INT_EQ(st, 2);
  STR_EQ(got, "|rec2csv: unrecognized option '--nope'\nTry 'rec2csv --help' for more information.\n");
  free(got);
}

int main(void) {
  test_tables();
  test_column_errors();
  test_rows();
  test_schema();
  test_write_error();
  test_cli_in_process();
  return pp_test_done("csv_writer");
}
