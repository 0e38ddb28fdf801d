#include "pp_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static pp_fatal_fn S_fatal_handler;

void pp_fatal_set_handler(pp_fatal_fn fn) { S_fatal_handler = fn; }

_Noreturn void pp_fatal(const char *fmt, ...) {
  char msg[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (S_fatal_handler) S_fatal_handler(msg);
  fprintf(stderr, "presspipe: %s\n", msg);
  fflush(stderr);
  _exit(2);
}

_Noreturn void pp_oom(void) { pp_fatal("out of memory"); }

/* The test hook: -1 off, -2 not read yet, else how many more allocations
 * may succeed. Atomic: release2rec -j allocates on several threads. */
static long long S_alloc_left = -2;

static int S_alloc_fails(void) {
  long long left = __atomic_load_n(&S_alloc_left, __ATOMIC_RELAXED);
  if (left == -1) return 0;
  if (left == -2) {
    const char *v = getenv("PP_TEST_FAIL_ALLOC");
    char *end = NULL;
    long long n = v && *v ? strtoll(v, &end, 10) : -1;
    left = n >= 0 && *end == '\0' ? n : -1;
    __atomic_store_n(&S_alloc_left, left, __ATOMIC_RELAXED);
    if (left == -1) return 0;
  }
  while (left > 0)
    if (__atomic_compare_exchange_n(&S_alloc_left, &left, left - 1, 0, __ATOMIC_RELAXED,
                                    __ATOMIC_RELAXED))
      return 0;
  return 1;
}

void *pp_xmalloc(size_t n) {
  void *p = S_alloc_fails() ? NULL : malloc(n ? n : 1);
  if (!p) pp_oom();
  return p;
}

void *pp_xcalloc(size_t count, size_t size) {
  void *p = S_alloc_fails() ? NULL : calloc(count ? count : 1, size ? size : 1);
  if (!p) pp_oom();
  return p;
}

void *pp_xrealloc(void *p, size_t n) {
  void *q = S_alloc_fails() ? NULL : realloc(p, n ? n : 1);
  if (!q) pp_oom();
  return q;
}

void pp_xgrow(void **p, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return;
  size_t c = *cap ? *cap : 4;
  while (c < need) {
    if (c > ((size_t)-1) / 2 / elem) pp_oom();
    c *= 2;
  }
  *p = pp_xrealloc(*p, c * elem);
  *cap = c;
}

char *pp_xstrdup(const char *s) {
  return s ? pp_xstrndup(s, strlen(s)) : NULL;
}

char *pp_xstrndup(const char *s, size_t n) {
  char *d = pp_xmalloc(n + 1);
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

char *pp_xvasprintf(const char *fmt, va_list ap) {
  va_list aq;
  va_copy(aq, ap);
  int n = vsnprintf(NULL, 0, fmt, aq);
  va_end(aq);
  if (n < 0) pp_oom();
  char *s = pp_xmalloc((size_t)n + 1);
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  return s;
}

char *pp_xasprintf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *s = pp_xvasprintf(fmt, ap);
  va_end(ap);
  return s;
}

uint64_t pp_hash_n(const char *s, size_t n) {
  uint64_t h = PP_HASH_INIT;
  for (size_t i = 0; i < n; i++) h = pp_hash_step(h, (unsigned char)s[i]);
  return h;
}

uint64_t pp_hash_str(const char *s) {
  uint64_t h = PP_HASH_INIT;
  for (; *s; s++) h = pp_hash_step(h, (unsigned char)*s);
  return h;
}

void pp_buf_reserve(pp_buf *b, size_t extra) {
  pp_xgrow((void **)&b->data, &b->cap, b->len + extra + 1, 1);
  b->data[b->len] = '\0'; /* a reserved, still empty buffer is "" */
}

void pp_buf_add(pp_buf *b, const char *s, size_t n) {
  pp_buf_reserve(b, n);
  if (n) memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void pp_buf_adds(pp_buf *b, const char *s) { pp_buf_add(b, s, strlen(s)); }

void pp_buf_clear(pp_buf *b) {
  b->len = 0;
  if (b->data) b->data[0] = '\0';
}

char *pp_buf_detach(pp_buf *b) {
  char *s = b->data ? b->data : pp_xstrdup("");
  b->data = NULL;
  b->len = b->cap = 0;
  return s;
}

void pp_buf_free(pp_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

void pp_strv_take(pp_strv *sv, char *s) {
  pp_xgrow((void **)&sv->v, &sv->cap, sv->n + 1, sizeof *sv->v);
  sv->v[sv->n++] = s;
}

void pp_strv_push(pp_strv *sv, const char *s) { pp_strv_take(sv, pp_xstrdup(s)); }

int pp_strv_contains(const pp_strv *sv, const char *s) {
  for (size_t i = 0; i < sv->n; i++)
    if (strcmp(sv->v[i], s) == 0) return 1;
  return 0;
}

void pp_strv_free(pp_strv *sv) {
  for (size_t i = 0; i < sv->n; i++) free(sv->v[i]);
  free(sv->v);
  sv->v = NULL;
  sv->n = sv->cap = 0;
}

void pp_intv_push(pp_intv *iv, int x) {
  pp_xgrow((void **)&iv->v, &iv->cap, iv->n + 1, sizeof *iv->v);
  iv->v[iv->n++] = x;
}

void pp_intv_add_unique(pp_intv *iv, int x) {
  size_t i = iv->n;
  if (i && iv->v[i - 1] >= x) { /* not above the last: binary search */
    size_t lo = 0, hi = iv->n;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (iv->v[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }
    if (iv->v[lo] == x) return;
    i = lo;
  }
  pp_xgrow((void **)&iv->v, &iv->cap, iv->n + 1, sizeof *iv->v);
  memmove(iv->v + i + 1, iv->v + i, (iv->n - i) * sizeof *iv->v);
  iv->v[i] = x;
  iv->n++;
}

static int S_int_cmp(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

void pp_intv_sort_unique(pp_intv *iv) {
  if (iv->n < 2) return;
  size_t k = 1;
  for (; k < iv->n && iv->v[k - 1] < iv->v[k]; k++) {}
  if (k == iv->n) return; /* already ascending and unique */
  qsort(iv->v, iv->n, sizeof *iv->v, S_int_cmp);
  k = 1;
  for (size_t i = 1; i < iv->n; i++)
    if (iv->v[i] != iv->v[k - 1]) iv->v[k++] = iv->v[i];
  iv->n = k;
}

void pp_intv_free(pp_intv *iv) {
  free(iv->v);
  iv->v = NULL;
  iv->n = iv->cap = 0;
}

/* The slot of key: where it is, or the empty slot where it would go. */
static size_t S_strmap_slot(const pp_strmap *m, const char *key, uint64_t h) {
  size_t mask = m->cap - 1;
  size_t i = (size_t)h & mask;
  while (m->keys[i] && (m->hashes[i] != h || strcmp(m->keys[i], key) != 0)) i = (i + 1) & mask;
  return i;
}

int pp_strmap_get(const pp_strmap *m, const char *key, size_t *val) {
  if (!m->cap) return 0;
  size_t i = S_strmap_slot(m, key, pp_hash_str(key));
  if (!m->keys[i]) return 0;
  if (val) *val = m->vals[i];
  return 1;
}

void pp_strmap_set(pp_strmap *m, const char *key, size_t val) {
  if (2 * (m->n + 1) > m->cap) { /* keep the load at most one half */
    pp_strmap old = *m;
    m->cap = old.cap ? 2 * old.cap : 16;
    m->keys = pp_xcalloc(m->cap, sizeof *m->keys);
    m->vals = pp_xcalloc(m->cap, sizeof *m->vals);
    m->hashes = pp_xcalloc(m->cap, sizeof *m->hashes);
    for (size_t j = 0; j < old.cap; j++)
      if (old.keys[j]) {
        size_t i = S_strmap_slot(m, old.keys[j], old.hashes[j]);
        m->keys[i] = old.keys[j];
        m->vals[i] = old.vals[j];
        m->hashes[i] = old.hashes[j];
      }
    free(old.keys);
    free(old.vals);
    free(old.hashes);
  }
  uint64_t h = pp_hash_str(key);
  size_t i = S_strmap_slot(m, key, h);
  if (!m->keys[i]) {
    m->keys[i] = pp_xstrdup(key);
    m->hashes[i] = h;
    m->n++;
  }
  m->vals[i] = val;
}

void pp_strmap_free(pp_strmap *m) {
  for (size_t i = 0; i < m->cap; i++) free(m->keys[i]);
  free(m->keys);
  free(m->vals);
  free(m->hashes);
  memset(m, 0, sizeof *m);
}

void pp_error_set(pp_error *e, const char *file, long line, const char *fmt, ...) {
  if (!e) return;
  pp_error_clear(e);
  e->file = pp_xstrdup(file);
  e->line = line;
  va_list ap;
  va_start(ap, fmt);
  e->message = pp_xvasprintf(fmt, ap);
  va_end(ap);
}

void pp_error_clear(pp_error *e) {
  if (!e) return;
  free(e->file);
  free(e->message);
  e->file = e->message = NULL;
  e->line = 0;
}
