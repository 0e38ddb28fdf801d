/* pp_jsonl.h - reading release records from a JSON Lines stream.
 *
 * Each non-blank line must hold one release/1 record. A bad line (not JSON,
 * wrong types, an unknown major version, longer than PP_JSONL_MAX_LINE) is
 * reported through a pp_error carrying the stream name and line number; the
 * reader then goes on with the next line. Lines are read by length: a raw
 * NUL rejects its own line only. The caller decides the exit code.
 */
#ifndef PP_JSONL_H
#define PP_JSONL_H

#include <stdio.h>

#include "pp_record.h"

#define PP_JSONL_MAX_LINE (16u * 1024u * 1024u)

typedef struct pp_jsonl_reader pp_jsonl_reader;

enum {
  PP_JSONL_EOF = 0,
  PP_JSONL_RECORD = 1,
  PP_JSONL_BAD = -1, /* bad line: *err says why, reading may go on */
  PP_JSONL_IO = -2   /* read error: *err says why, stop */
};

/* name is used in messages ("-" for standard input); in is not closed. */
pp_jsonl_reader *pp_jsonl_reader_new(FILE *in, const char *name);
/* Reads the next record into *out (caller frees with pp_record_free). */
int pp_jsonl_reader_next(pp_jsonl_reader *rd, pp_record **out, pp_error *err);
long pp_jsonl_reader_line(const pp_jsonl_reader *rd); /* line of the last record */
void pp_jsonl_reader_free(pp_jsonl_reader *rd);

#endif
