/* tests/unit/util_sets.c - pp_intv_add_unique, pp_intv_sort_unique and
 * pp_strmap (issue 9: the sets behind the linear-time writers). */
#include "harness.h"
#include "pp_util.h"

#include <stdlib.h>

static int S_is(const pp_intv *iv, const int *want, size_t n) {
  if (iv->n != n) return 0;
  for (size_t i = 0; i < n; i++)
    if (iv->v[i] != want[i]) return 0;
  return 1;
}

static void test_add_unique(void) {
  pp_intv iv = PP_INTV_INIT;
  const int adds[] = {3, 5, 5, 9, 1, 7, 3, 0, 9, 10, 4};
  for (size_t i = 0; i < sizeof adds / sizeof *adds; i++) pp_intv_add_unique(&iv, adds[i]);
  const int want[] = {0, 1, 3, 4, 5, 7, 9, 10};
  OK(S_is(&iv, want, sizeof want / sizeof *want));
  pp_intv_free(&iv);
  /* ascending, the callers' order: one element each, no repeats */
  for (int i = 0; i < 100000; i++) {
    pp_intv_add_unique(&iv, i);
    pp_intv_add_unique(&iv, i);
  }
  INT_EQ(iv.n, 100000);
  INT_EQ(iv.v[99999], 99999);
  pp_intv_free(&iv);
}

static void test_sort_unique(void) {
  pp_intv iv = PP_INTV_INIT;
  pp_intv_sort_unique(&iv);
  INT_EQ(iv.n, 0);
  const int in[] = {8, 2, 8, 0, 2, 5, 8};
  for (size_t i = 0; i < sizeof in / sizeof *in; i++) pp_intv_push(&iv, in[i]);
  pp_intv_sort_unique(&iv);
  const int want[] = {0, 2, 5, 8};
  OK(S_is(&iv, want, 4));
  pp_intv_sort_unique(&iv); /* already sorted: unchanged */
  OK(S_is(&iv, want, 4));
  pp_intv_free(&iv);
  for (int i = 300000; i > 0; i--) pp_intv_push(&iv, i % 1000);
  pp_intv_sort_unique(&iv);
  INT_EQ(iv.n, 1000);
  INT_EQ(iv.v[0], 0);
  INT_EQ(iv.v[999], 999);
  pp_intv_free(&iv);
}

static void test_strmap(void) {
  pp_strmap m = PP_STRMAP_INIT;
  size_t v = 42;
  OK(!pp_strmap_get(&m, "a", &v));
  INT_EQ(v, 42); /* untouched when absent */
  pp_strmap_set(&m, "a", 1);
  pp_strmap_set(&m, "", 2);
  pp_strmap_set(&m, "a", 3); /* overwrites */
  OK(pp_strmap_get(&m, "a", &v));
  INT_EQ(v, 3);
  OK(pp_strmap_get(&m, "", &v));
  INT_EQ(v, 2);
  OK(pp_strmap_get(&m, "a", NULL));
  INT_EQ(m.n, 2);
  /* many keys, through several growths; keys are copied */
  char k[32];
  for (size_t i = 0; i < 50000; i++) {
    snprintf(k, sizeof k, "pp-person:ann-lee-%zu", i);
    pp_strmap_set(&m, k, i);
  }
  INT_EQ(m.n, 50002);
  size_t bad = 0;
  for (size_t i = 0; i < 50000; i++) {
    snprintf(k, sizeof k, "pp-person:ann-lee-%zu", i);
    if (!pp_strmap_get(&m, k, &v) || v != i) bad++;
  }
  INT_EQ(bad, 0);
  OK(!pp_strmap_get(&m, "pp-person:ann-lee-50000", NULL));
  pp_strmap_free(&m);
  INT_EQ(m.n, 0);
  OK(!pp_strmap_get(&m, "a", NULL));
  pp_strmap_free(&m); /* twice is harmless */
}

int main(void) {
  test_add_unique();
  test_sort_unique();
  test_strmap();
  return pp_test_done("util_sets");
}
