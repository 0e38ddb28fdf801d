/* harness.h - a three-macro test harness (after cmark's api_test): each
 * failed check prints file:line and the values, and the test's exit status
 * is the number of failures (capped), so ctest sees it fail. */
#ifndef PP_HARNESS_H
#define PP_HARNESS_H

#include <stdio.h>
#include <string.h>

static int pp_test_failures = 0;
static int pp_test_checks = 0;

#define OK(cond)                                                             \
  do {                                                                       \
    pp_test_checks++;                                                        \
    if (!(cond)) {                                                           \
      pp_test_failures++;                                                    \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                        \
  } while (0)

#define INT_EQ(got, want)                                                    \
  do {                                                                       \
    long long g_ = (long long)(got), w_ = (long long)(want);                 \
    pp_test_checks++;                                                        \
    if (g_ != w_) {                                                          \
      pp_test_failures++;                                                    \
      fprintf(stderr, "%s:%d: %s is %lld, want %lld\n", __FILE__, __LINE__,  \
              #got, g_, w_);                                                 \
    }                                                                        \
  } while (0)

/* NULL compares equal only to NULL. */
#define STR_EQ(got, want)                                                    \
  do {                                                                       \
    const char *g_ = (got), *w_ = (want);                                    \
    pp_test_checks++;                                                        \
    if ((g_ == NULL) != (w_ == NULL) || (g_ && strcmp(g_, w_) != 0)) {       \
      pp_test_failures++;                                                    \
      fprintf(stderr, "%s:%d: %s is \"%s\", want \"%s\"\n", __FILE__,        \
              __LINE__, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)");       \
    }                                                                        \
  } while (0)

static inline int pp_test_done(const char *name) {
  printf("%s: %d checks, %d failed\n", name, pp_test_checks, pp_test_failures);
  return pp_test_failures ? 1 : 0;
}

#endif
