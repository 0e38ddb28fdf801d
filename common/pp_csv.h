/* pp_csv.h - release records as CSV tables (rec2csv).
 *
 * One table per kind of thing a record lists: participants (the default),
 * organizations, places, quotes and contacts. Every table has one row per
 * item of every record, the release's key columns repeated on each row
 * (long/tidy form). The columns are chosen by name, in any order, from the
 * table's columns (docs/csv.md lists them); pp_csv_schema() describes the
 * chosen columns as a Frictionless Table Schema.
 *
 * The dialect is RFC 4180: comma, CRLF after every row (the last included),
 * a field quoted (by libcsv) when it holds a comma, a double quote, CR or
 * LF; UTF-8, a BOM only on request; null is the empty field; lists (aliases)
 * are joined with PP_CSV_LIST_SEP.
 *
 * Unless PP_CSV_RAW is given, text is made inert for spreadsheets (OWASP
 * "CSV Injection"): a cell whose first byte is '=', '+', '-', '@', TAB or
 * CR gets a leading apostrophe, and C0 control characters other than TAB,
 * LF and CR become U+FFFD. PP_CSV_RAW writes the values byte for byte, for
 * database loads.
 */
#ifndef PP_CSV_H
#define PP_CSV_H

#include <jansson.h>
#include <stdio.h>

#include "pp_record.h"
#include "pp_util.h"

#define PP_CSV_LIST_SEP " | "

typedef enum {
  PP_CSV_PARTICIPANTS,
  PP_CSV_ORGANIZATIONS,
  PP_CSV_PLACES,
  PP_CSV_QUOTES,
  PP_CSV_CONTACTS
} pp_csv_table;

/* The table called name ("participants", ...); returns 0, or -1 when there
 * is no such table. */
int pp_csv_table_from_name(const char *name, pp_csv_table *t);
const char *pp_csv_table_name(pp_csv_table t);
/* The table's default columns, comma-separated ("release_id,..."). */
const char *pp_csv_table_default_columns(pp_csv_table t);
/* Every column the table knows, comma-separated. */
const char *pp_csv_table_all_columns(pp_csv_table t);

/* --- cells ------------------------------------------------------------- */

enum {
  PP_CSV_RAW = 1,  /* no formula guard, no control-character replacement */
  PP_CSV_QUOTE = 2 /* quote the field even when it needs no quotes */
};

/* Whether a spreadsheet would read the cell as a formula: its first byte is
 * '=', '+', '-', '@', TAB or CR. */
int pp_csv_guard_needs_prefix(const char *cell);

/* Appends one field (value NULL: null, the empty field) to row, made inert
 * unless flags has PP_CSV_RAW, quoted through libcsv when needed. Adds no
 * separator. */
void pp_csv_field_add(pp_buf *row, const char *value, int flags);

/* --- tables ------------------------------------------------------------ */

typedef struct pp_csv_writer pp_csv_writer;

typedef struct {
  pp_csv_table table;
  const char *columns; /* comma-separated names; NULL: the defaults */
  int header;          /* write the header row */
  int bom;             /* start with a UTF-8 byte order mark */
  int raw;             /* PP_CSV_RAW for every cell */
} pp_csv_options;

/* A writer of the table to out (not closed). Returns NULL and sets *e (no
 * file, no line) when a column is unknown, repeated or empty. */
pp_csv_writer *pp_csv_writer_new(const pp_csv_options *opt, FILE *out, pp_error *e);
/* Writes the BOM and the header row as the options ask. Returns 0, or -1
 * on a write error. */
int pp_csv_writer_begin(pp_csv_writer *w);
/* Writes the rows of one record (none when its list is empty). Returns 0,
 * or -1 on a write error (errno set by stdio). */
int pp_csv_writer_record(pp_csv_writer *w, const pp_record *r);
/* Rows written so far, header excluded. */
unsigned long long pp_csv_writer_rows(const pp_csv_writer *w);
/* The Frictionless Table Schema of the chosen columns (caller decrefs). */
json_t *pp_csv_writer_schema(const pp_csv_writer *w);
void pp_csv_writer_free(pp_csv_writer *w);

/* Writes a schema as rec2csv --schema prints it: two-space indented JSON,
 * keys in order, a final newline. Returns 0, or -1 on a write error. */
int pp_csv_schema_write(const json_t *schema, FILE *out);

#endif
