/* pp_util.h - allocation, growable buffers and string vectors.
 *
 * Allocation never fails for the caller, so call sites carry no NULL
 * checks: on exhaustion the pp_x* functions call pp_oom(), which does not
 * return. A program registers what must happen then with
 * pp_fatal_set_handler (pp_cli's handler writes out the complete records,
 * prints "tool: out of memory" and exits 2); without one it prints
 * "presspipe: out of memory" and exits 2. Nothing calls abort().
 *
 * Test hook: with PP_TEST_FAIL_ALLOC=N in the environment, the pp_x*
 * allocations after the first N fail (so do jansson's and libxml2's once
 * pp_cli routes them here), which lets a test run out of memory at a
 * chosen point without LD_PRELOAD.
 */
#ifndef PP_UTIL_H
#define PP_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* Called with the reason ("out of memory"); must not return. */
typedef void (*pp_fatal_fn)(const char *message);
void pp_fatal_set_handler(pp_fatal_fn fn); /* NULL: the default */
/* Ends the program through the handler: for what the library cannot go on
 * from (exhausted memory). The message is formatted without allocating. */
_Noreturn void pp_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void pp_oom(void);

void *pp_xmalloc(size_t n);
void *pp_xcalloc(size_t count, size_t size);
void *pp_xrealloc(void *p, size_t n);
/* Grow *p (an array of elem-sized items with capacity *cap) to hold at
 * least need items. */
void pp_xgrow(void **p, size_t *cap, size_t need, size_t elem);
char *pp_xstrdup(const char *s);             /* NULL stays NULL */
char *pp_xstrndup(const char *s, size_t n);
char *pp_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *pp_xvasprintf(const char *fmt, va_list ap);

/* FNV-1a, 64 bits: the one string hash of the library's tables. Start
 * from PP_HASH_INIT and feed bytes with pp_hash_step, or hash a whole
 * string with pp_hash_n / pp_hash_str. */
#define PP_HASH_INIT 1469598103934665603ULL
static inline uint64_t pp_hash_step(uint64_t h, unsigned char c) { return (h ^ c) * 1099511628211ULL; }
uint64_t pp_hash_n(const char *s, size_t n);
uint64_t pp_hash_str(const char *s);

/* A growable, always NUL-terminated byte buffer. */
typedef struct {
  char *data;
  size_t len;
  size_t cap;
} pp_buf;

#define PP_BUF_INIT {NULL, 0, 0}
void pp_buf_reserve(pp_buf *b, size_t extra);
void pp_buf_add(pp_buf *b, const char *s, size_t n);
void pp_buf_adds(pp_buf *b, const char *s);
/* Appends one byte (inline: it sits in the inner loops of the parser). */
static inline void pp_buf_addc(pp_buf *b, char c) {
  if (b->len + 1 < b->cap) {
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
  } else {
    pp_buf_add(b, &c, 1);
  }
}
void pp_buf_clear(pp_buf *b);
/* Hands the string to the caller (caller frees) and resets the buffer. */
char *pp_buf_detach(pp_buf *b);
void pp_buf_free(pp_buf *b);

/* A vector of owned strings. */
typedef struct {
  char **v;
  size_t n;
  size_t cap;
} pp_strv;

#define PP_STRV_INIT {NULL, 0, 0}
void pp_strv_push(pp_strv *sv, const char *s);   /* copies s */
void pp_strv_take(pp_strv *sv, char *s);         /* takes ownership of s */
int pp_strv_contains(const pp_strv *sv, const char *s);
void pp_strv_free(pp_strv *sv);

/* A vector of ints (paragraph indexes). */
typedef struct {
  int *v;
  size_t n;
  size_t cap;
} pp_intv;

#define PP_INTV_INIT {NULL, 0, 0}
void pp_intv_push(pp_intv *iv, int x);
/* Adds x unless present, keeping the vector ascending and unique. O(1)
 * when x is above the last element (the usual case: callers visit
 * paragraphs in order), O(log n) when x is already there, O(n) for an
 * insertion further down. A caller that may add many values out of order
 * pushes them and calls pp_intv_sort_unique once instead. */
void pp_intv_add_unique(pp_intv *iv, int x);
/* Sorts ascending and drops repeats: O(n log n). */
void pp_intv_sort_unique(pp_intv *iv);
void pp_intv_free(pp_intv *iv);

/* A map from strings (copied) to size_t values: open addressing on
 * pp_hash_str, O(1) expected per operation whatever the keys. */
typedef struct {
  char **keys;
  size_t *vals;
  uint64_t *hashes;
  size_t n;
  size_t cap; /* a power of two, or 0 */
} pp_strmap;

#define PP_STRMAP_INIT {NULL, NULL, NULL, 0, 0}
/* Returns 1 and sets *val (when val is not NULL) if key is there, else 0. */
int pp_strmap_get(const pp_strmap *m, const char *key, size_t *val);
/* Sets key to val, adding the key when it is new. */
void pp_strmap_set(pp_strmap *m, const char *key, size_t val);
void pp_strmap_free(pp_strmap *m);

/* An error as the library returns it: where, and what. The CLI prints it as
 * "tool: FILE:LINE: message" (LINE omitted when 0). */
typedef struct {
  char *file;
  long line;
  char *message;
} pp_error;

void pp_error_set(pp_error *e, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void pp_error_clear(pp_error *e);

#endif
